import "server-only";
import { emailKey } from "@/lib/access/email-key";
import { accessState, type AccessState } from "@/lib/access/state";
import { getDb } from "@/lib/db";
import type { Transaction } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { personAccessKey, type Person } from "../people";

// The access row as the operations share it: created on first use, locked at the start of each
// transaction, its sign-in address claimed, its queued emails cancelled, its state read back.

/**
 * First statement of every access transaction: locks the access row (PostgreSQL holds it until
 * commit; SQLite runs one writer at a time anyway) and re-reads what the checks before the
 * transaction relied on, so a concurrent email change or deactivation cannot be overtaken.
 */
export async function lockAndRecheck(tx: Transaction, person: Person, accessId: string) {
  const access = await tx.portalAccess.update({ where: { id: accessId }, data: { updatedAt: new Date() } });
  const current =
    person.kind === "student"
      ? await tx.student.findUniqueOrThrow({ where: { id: person.id }, select: { email: true } })
      : await tx.guardian.findUniqueOrThrow({ where: { id: person.id }, select: { email: true } });
  if (current.email !== person.email) throw new AppError("conflict");
  return access;
}

/** Emails still waiting to leave for this access, e.g. to an address just corrected: not sent. */
export async function cancelQueuedEmails(tx: Transaction, accessId: string, reason: string) {
  await tx.outboxMessage.updateMany({
    where: { status: "pending", event: { accessId } },
    data: { status: "failed", payload: null, lastError: `cancelled: ${reason}` },
  });
}

/** Whether another person's enabled access already signs in with this address. */
export async function addressTakenByAnother(email: string | null, accessId: string | null): Promise<boolean> {
  const key = emailKey(email);
  if (!key) return false;
  const holder = await getDb().portalAccess.findUnique({ where: { signInEmail: key }, select: { id: true } });
  return !!holder && holder.id !== accessId;
}

/**
 * Makes the person's address the one this access signs in with. The unique column settles races:
 * of two staff members enabling two people with one address at the same moment, one is refused.
 */
export async function claimSignInEmail(tx: Transaction, accessId: string, email: string | null) {
  try {
    await tx.portalAccess.update({ where: { id: accessId }, data: { signInEmail: emailKey(email) } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("email_in_use");
    throw error;
  }
}

/** The access's state as the badge shows it, read after a change. */
export async function currentState(accessId: string): Promise<AccessState> {
  const access = await getDb().portalAccess.findUniqueOrThrow({ where: { id: accessId } });
  return accessState(access);
}

/**
 * The person's access row, created the first time something happens to it. Outside any transaction:
 * two first actions racing both end up with the one row (the loser of the insert reads it).
 */
export async function accessRowOf(person: Person): Promise<string> {
  if (person.accessId) return person.accessId;
  const key = person.kind === "student" ? { studentId: person.id } : { guardianId: person.id };
  try {
    return (await getDb().portalAccess.create({ data: personAccessKey(person), select: { id: true } })).id;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await getDb().portalAccess.findUniqueOrThrow({ where: key, select: { id: true } })).id;
  }
}
