import "server-only";
import { AppError, type ErrorCode } from "@/lib/errors";
import { emailStatus } from "@/lib/access/email-address";
import type { AccessState } from "@/lib/access/state";
import type { Person } from "../people";

// What every access operation answers, and the refusals they share.

/** Why an access operation was refused: codes of the one error vocabulary (lib/errors.ts). */
export type AccessFailure = Extract<
  ErrorCode,
  "not_found" | "missing_email" | "invalid_email" | "already_enabled" | "already_active" | "not_enabled" | "access_disabled" | "same_email" | "email_in_use" | "conflict"
>;

export type AccessOutcome = { ok: true; state: AccessState; emailQueued: boolean } | { ok: false; error: AccessFailure };

export function refuse(error: AccessFailure): AccessOutcome {
  return { ok: false, error };
}

/** Runs `work`; an AppError thrown inside (e.g. to roll a transaction back) becomes the refusal it names. */
export async function refusedAs<T>(work: () => Promise<T>): Promise<T | AccessOutcome> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) return refuse(error.code as AccessFailure);
    throw error;
  }
}

/** Why this person cannot be sent a link at their address, if they cannot. */
export function emailProblem(person: Person): AccessFailure | null {
  const status = emailStatus(person.email);
  if (status === "missing") return "missing_email";
  if (status === "invalid") return "invalid_email";
  return null;
}
