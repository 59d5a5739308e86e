import "server-only";
import { getDb } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import type { SkipReason } from "@/lib/errors";
import type { StaffContext } from "@/lib/rights";
import type { TBulkAudience } from "@/lib/validation/bulk";
import { bulkItemKey } from "./access/links";
import type { AccessFailure } from "./access/outcome";
import { sendReminder } from "./access/send-reminder";
import { recordBulkSkip } from "./bulk-sends";
import { findPerson, type Person } from "./people";

// A reminder run from the Étudiants list (« Relancer »), prepared one selected student at a time:
// the student and/or their parents, each reminded through sendReminder, the reference path for one
// person. That is some fifteen statements and one transaction per person, where an activation send
// spends a dozen statements per batch (bulk-preparation.ts): batching reminders the same way is the
// way to go faster if large runs need it.

/** How a refusal is stored as a bulk item's outcome: the skip reasons of lib/errors.ts (values kept as in the database). */
const SKIP_OUTCOME: Partial<Record<AccessFailure, SkipReason>> = { access_disabled: "disabled", already_active: "active" };

/**
 * Reminds, for one selected student of a reminder run, the people its audience names: the student,
 * each of their parents, or both. A person already handled in this run (a parent of two selected
 * siblings, or the work of another worker) is passed over; each one not reminded gets an item naming why.
 */
export async function remindThroughStudent(staff: StaffContext, bulkSendId: string, studentId: string, audience: TBulkAudience): Promise<void> {
  const student = await findPerson(staff, { studentId });
  if (!student) {
    // Deleted meanwhile, or no longer in the staff member's schools.
    await recordBulkSkip(bulkSendId, studentId, "not_found");
    return;
  }
  const people: Person[] = audience === "guardians" ? [] : [student];
  if (audience !== "students") {
    const links = await getDb().studentGuardian.findMany({ where: { studentId }, select: { guardianId: true }, orderBy: { guardianId: "asc" } });
    for (const { guardianId } of links) {
      const guardian = await findPerson(staff, { studentId, guardianId });
      if (guardian) people.push(guardian);
    }
  }
  const keys = people.map((person) => bulkItemKey(person, studentId).personKey);
  const handled = new Set(
    (await getDb().bulkSendItem.findMany({ where: { bulkSendId, personKey: { in: keys } }, select: { personKey: true } })).map((item) => item.personKey),
  );
  for (const person of people) {
    if (!handled.has(bulkItemKey(person, studentId).personKey)) await remindOne(staff, bulkSendId, studentId, person);
  }
}

async function remindOne(staff: StaffContext, bulkSendId: string, studentId: string, person: Person, retried = false): Promise<void> {
  let result: Awaited<ReturnType<typeof sendReminder>>;
  try {
    // On success the item is written with the email, in one transaction (see issueLink).
    result = await sendReminder(staff, person, { bulkSendId, bulkStudentId: studentId });
  } catch (error) {
    // Reminded meanwhile in this run, through a sibling or by another worker: nothing was sent twice.
    if (isUniqueViolation(error)) return;
    throw error;
  }
  if (result.ok) return;
  if (result.error === "conflict" && !retried) {
    // The address changed between the read and the transaction: once more with the person as they are now.
    const fresh = await findPerson(staff, person.kind === "student" ? { studentId } : { studentId, guardianId: person.id });
    if (fresh) return remindOne(staff, bulkSendId, studentId, fresh, true);
  }
  await recordBulkSkip(bulkSendId, studentId, SKIP_OUTCOME[result.error] ?? result.error, person.kind === "guardian" ? person.id : undefined);
}
