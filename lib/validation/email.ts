import { z } from "zod";

export type EmailStatus = "missing" | "invalid" | "valid";

const ZEmailAddress = z.email();

/** Whether a stored address can receive mail: imported data may hold anything. */
export function emailStatus(email: string | null | undefined): EmailStatus {
  if (!email || !email.trim()) return "missing";
  return ZEmailAddress.safeParse(email.trim()).success ? "valid" : "invalid";
}
