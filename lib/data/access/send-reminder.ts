import "server-only";
import { getDb } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { StaffContext } from "@/lib/rights";
import { findPerson, type Person, type PersonRef } from "../people";
import { addressTakenByAnother, currentState, lockAndRecheck } from "./access-row";
import { issueLink, newLink } from "./links";
import { emailProblem, refuse, refusedAs, type AccessFailure, type AccessOutcome } from "./outcome";

// « Relancer »: one reminder to one person, the same for staff (one person, a selection, all
// matching) and for the automatic reminders of the worker.

/** Why a person is not reminded. Only « Invitation envoyée » and « Lien expiré » are. */
export type ReminderRefusal = Extract<
  AccessFailure,
  "not_found" | "missing_email" | "invalid_email" | "not_enabled" | "access_disabled" | "already_active" | "email_in_use" | "conflict"
>;

export type ReminderOptions = {
  copyToStaff?: boolean;
  /** The bulk send (a reminder run) this reminder belongs to, and the selected student who led to the person. */
  bulkSendId?: string;
  bulkStudentId?: string;
  /**
   * An automatic reminder's due date (see lib/reminders/rules.ts): written with the email, so the
   * same due date is sent at most once, by however many workers.
   */
  dueKey?: string;
  now?: Date;
};

/** Sent at most once: another worker already sent the reminder of this due date. */
export class ReminderAlreadySent extends Error {}

/**
 * Sends `person` a reminder: a fresh link that replaces the earlier one, in the reminder's template,
 * recorded in their history as « Relance » by `staff`, or as an automatic reminder when staff is null.
 * Refused unless their access is enabled and no password was ever chosen (invited or expired).
 * Throws ReminderAlreadySent when `dueKey` was already sent.
 */
export async function sendReminder(
  staff: Pick<StaffContext, "id" | "email" | "locale"> | null,
  person: Person,
  options: ReminderOptions = {},
): Promise<AccessOutcome & { messageId?: string }> {
  const now = options.now ?? new Date();
  const problem = emailProblem(person);
  if (problem) return refuse(problem);
  // A person never enabled has no access row: a reminder does not create one.
  if (!person.accessId) return refuse("not_enabled");
  const accessId = person.accessId;
  const existing = await getDb().portalAccess.findUnique({ where: { id: accessId } });
  const refusal = existing ? reminderRefusal(existing) : "not_enabled";
  if (refusal) return refuse(refusal);
  if (await addressTakenByAnother(person.email, accessId)) return refuse("email_in_use");
  const link = newLink(person, options.copyToStaff ? staff : null, now, "reminder");
  const done = await refusedAs(() =>
    getDb().$transaction(async (tx) => {
      const current = await lockAndRecheck(tx, person, accessId);
      const changed = reminderRefusal(current);
      if (changed) throw new AppError(changed);
      if (options.dueKey) {
        try {
          await tx.reminderDue.create({ data: { accessId, dueKey: options.dueKey, sentAt: now } });
        } catch (error) {
          if (isUniqueViolation(error)) throw new ReminderAlreadySent();
          throw error;
        }
      }
      const message = await issueLink(tx, staff, person, accessId, {
        copyToStaff: !!(staff && options.copyToStaff),
        bulkSendId: options.bulkSendId,
        bulkStudentId: options.bulkStudentId,
        now,
        link,
        reminder: true,
      });
      return { messageId: message.id };
    }),
  );
  if (!("messageId" in done)) return done;
  return { ok: true, state: await currentState(accessId), emailQueued: true, messageId: done.messageId };
}

/** « Relancer » on a person's « Plus » menu: the person, if the staff member may see them, reminded. */
export async function remindPerson(staff: StaffContext, ref: PersonRef, options: Pick<ReminderOptions, "copyToStaff" | "now"> = {}) {
  const person = await findPerson(staff, ref);
  if (!person) return refuse("not_found");
  return sendReminder(staff, person, options);
}

/** Why an access cannot be reminded, from its columns; null when it can (invited or expired). */
export function reminderRefusal(access: { enabled: boolean; disabledAt: Date | null; passwordHash: string | null }): ReminderRefusal | null {
  if (!access.enabled) return access.disabledAt ? "access_disabled" : "not_enabled";
  if (access.passwordHash) return "already_active";
  return null;
}
