import "server-only";
import { isUniqueViolation } from "@/lib/db/errors";
import { resendActivation } from "@/lib/data/access/resend-activation";
import { prepareStudentsTogether } from "@/lib/data/bulk-preparation";
import { remindThroughStudent } from "@/lib/data/bulk-reminders";
import {
  cancelBulkSend,
  createBulkSend,
  findBulkSendToPrepare,
  findPreparedStudents,
  findStudentsWithPassword,
  markBulkSendPrepared,
  readBulkSelection,
  recordBulkSkip,
  type BulkSendRequest,
} from "@/lib/data/bulk-sends";
import { loadStaffContext } from "@/lib/data/staff";
import { hasRight, RIGHTS, type StaffContext } from "@/lib/rights";
import type { TBulkAudience, TBulkSelection } from "@/lib/validation/bulk";
import { wakeWorker } from "./wake";

// A bulk send is a job: the request records it and returns at once, and the worker (worker.ts)
// prepares it a batch at a time through lib/data, which queues its emails through lib/mail.

/** Records a bulk send (activation emails or reminders) and returns at once; the worker prepares and sends it in the background. */
export async function startBulkSend(staff: StaffContext, selection: TBulkSelection, request: BulkSendRequest) {
  const started = await createBulkSend(staff, selection, request);
  // The first emails leave within a moment of the click, not at the worker's next tick.
  if (typeof started === "object") wakeWorker();
  return started;
}

/**
 * Prepares up to `maxStudents` students of the oldest bulk send still preparing. An activation send:
 * a link and a queued email for each, or the reason it is skipped, in one transaction for the batch
 * (bulk-preparation.ts). A reminder run: the student and/or their parents reminded one at a time
 * (bulk-reminders.ts). Safe to run from several workers and after a restart: each person gets at most
 * one item per bulk send (unique key), and items already done are skipped.
 */
export async function prepareBulkSends(options: { maxStudents: number }): Promise<number> {
  const bulk = await findBulkSendToPrepare();
  if (!bulk) return 0;
  const staff = bulk.createdById ? await loadStaffContext(bulk.createdById) : null;
  const progress = await progressOf(bulk.id);
  if (!staff || !hasRight(staff, RIGHTS.editStudent) || !progress) {
    await cancelBulkSend(bulk.id);
    return 0;
  }
  // One item per student says it is done, unless parents are reminded too: a student whose own item
  // exists may have been interrupted before their parents, so it is looked at again (nothing is sent twice).
  const oneItemEach = bulk.kind !== "reminder" || bulk.audience === "students";
  const { todo, next } = await nextStudents(bulk.id, progress, options.maxStudents, oneItemEach);
  if (bulk.kind === "reminder") {
    for (const studentId of todo) await remindThroughStudent(staff, bulk.id, studentId, bulk.audience as TBulkAudience);
  } else {
    await prepareActivations(staff, bulk.id, todo, progress.includeWithPassword);
  }
  progress.next = next;
  if (next >= progress.studentIds.length) await markBulkSendPrepared(bulk.id);
  return todo.length;
}

/** A batch of an activation send: together where possible, one by one for what the batch could not take. */
async function prepareActivations(staff: StaffContext, bulkSendId: string, todo: string[], includeWithPassword: boolean) {
  // People who already chose a password are left out unless staff included them: recorded as skipped.
  const withPassword = todo.length && !includeWithPassword ? await findStudentsWithPassword(todo) : new Set<string>();
  for (const studentId of withPassword) await recordBulkSkip(bulkSendId, studentId, "has_password");
  const toPrepare = todo.filter((id) => !withPassword.has(id));
  const leftovers = toPrepare.length ? await prepareStudentsTogether(staff, bulkSendId, toPrepare) : [];
  for (const studentId of leftovers) await prepareOneStudent(staff, bulkSendId, studentId);
}

/**
 * The bulk send this process is preparing: its selection (fixed at the click, read once rather than
 * for each batch) and how many of its students are known done. The latter only spares reading every
 * done item again for each batch: after a restart, or for what another worker did, the items
 * themselves say what is done.
 */
type Progress = { bulkSendId: string; studentIds: string[]; includeWithPassword: boolean; next: number };
let current: Progress | null = null;

async function progressOf(bulkSendId: string): Promise<Progress | null> {
  if (current?.bulkSendId === bulkSendId) return current;
  const selection = await readBulkSelection(bulkSendId);
  current = selection ? { bulkSendId, ...selection, next: 0 } : null;
  return current;
}

/**
 * The next students without an item (any student when `skipDone` is false), in selection order, and
 * where the search for more resumes.
 */
async function nextStudents(bulkSendId: string, progress: Progress, max: number, skipDone: boolean) {
  const { studentIds } = progress;
  const todo: string[] = [];
  let from = progress.next;
  while (from < studentIds.length && todo.length < max) {
    // Four batches' worth at a time: after a restart, the students done before are passed quickly.
    const window = studentIds.slice(from, from + 4 * max);
    const done = skipDone ? await findPreparedStudents(bulkSendId, window) : new Set<string>();
    for (const id of window) {
      from += 1;
      if (!done.has(id)) todo.push(id);
      if (todo.length === max) break;
    }
  }
  return { todo, next: from };
}

/** One student the batch could not take: resendActivation answers each case (not found, conflict…). */
async function prepareOneStudent(staff: StaffContext, bulkSendId: string, studentId: string) {
  let result: Awaited<ReturnType<typeof resendActivation>>;
  try {
    // On success the item is written with the email, in one transaction (see issueLink).
    result = await resendActivation(staff, { studentId }, { copyToStaff: false, bulkSendId });
  } catch (error) {
    if (isUniqueViolation(error)) return; // prepared meanwhile by another worker
    throw error;
  }
  if (result.ok) return;
  await recordBulkSkip(bulkSendId, studentId, result.error === "access_disabled" ? "disabled" : result.error);
}
