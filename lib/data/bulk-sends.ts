import "server-only";
import { isMissingReference, isUniqueViolation } from "@/lib/db/errors";
import { accessState } from "@/lib/access/state";
import { getDb, getDbProvider } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { StaffContext } from "@/lib/rights";
import { emailStatus } from "@/lib/access/email-address";
import type { ActivationSkipReason } from "@/lib/errors";
import { MAX_BULK_STUDENTS, type TBulkAudience, type TBulkOptions, type TBulkSelection } from "@/lib/validation/bulk";
import { bulkItemKey } from "./access/links";
import { findStudentIds } from "./students";
import { visibleStudentsSql, visibleStudentsWhere } from "./scope";

// Bulk sends from the Étudiants list (« Renvoyer l'email d'activation », « Relancer »): what a
// selection stands for, the summary before confirming, the record the worker prepares. What is shown
// of them afterwards (progress, report, « Envois ») is in send-history.ts.

/** How many skipped people the summary names for each reason; the rest are counted. */
export const NAMED_SKIPS = 20;

export type BulkSummary = {
  total: number;
  /** Those who will be sent a link when people with a password are included. */
  willReceive: number;
  willEnable: number;
  /** Of willReceive, those who already chose a password: sent nothing unless staff include them. */
  withPassword: number;
  skipped: Record<ActivationSkipReason, number>;
  /** The first NAMED_SKIPS of each reason, in list order, to open their profile and fix the address. */
  skippedPeople: Record<ActivationSkipReason, { id: string; name: string }[]>;
};

// SQLite through the driver adapter accepts a few hundred bound parameters per query: ask in slices.
const CHUNK = 400;

export function chunks<T>(items: T[]): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) slices.push(items.slice(start, start + CHUNK));
  return slices;
}

/** The students a selection stands for, restricted to those the staff member may see. */
async function resolveSelection(staff: StaffContext, selection: TBulkSelection): Promise<string[] | "too_many"> {
  if ("studentIds" in selection) {
    const visible: { id: string; sortKey: string }[] = [];
    for (const ids of chunks([...new Set(selection.studentIds)])) {
      visible.push(
        ...(await getDb().student.findMany({
          where: { AND: [{ id: { in: ids } }, visibleStudentsWhere(staff)] },
          select: { id: true, sortKey: true },
        })),
      );
    }
    return visible.sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.id.localeCompare(b.id)).map((student) => student.id);
  }
  const ids = await findStudentIds(staff, selection.query, MAX_BULK_STUDENTS + 1);
  return ids.length > MAX_BULK_STUDENTS ? "too_many" : ids;
}

type SummaryStudent = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  emailKey: string | null;
  access: { id: string; enabled: boolean; disabledAt: Date | null; passwordHash: string | null; linkExpiresAt: Date | null } | null;
};

/** `heldBy`: for each address, the access that signs in with it (one address, one account). */
function outcomeFor(student: SummaryStudent, heldBy: Map<string, string>) {
  const status = emailStatus(student.email);
  if (status === "missing") return "missing_email" as const;
  if (status === "invalid") return "invalid_email" as const;
  if (accessState(student.access) === "disabled") return "disabled" as const;
  const holder = student.emailKey ? heldBy.get(student.emailKey) : undefined;
  if (holder && holder !== student.access?.id) return "email_in_use" as const;
  return accessState(student.access) === "none" ? ("enable" as const) : ("send" as const);
}

/** The summary shown before confirming: who will receive the email, who is skipped and why. */
export async function summarizeBulkSend(staff: StaffContext, selection: TBulkSelection): Promise<BulkSummary | "too_many"> {
  const ids = await resolveSelection(staff, selection);
  if (ids === "too_many") return ids;
  const summary: BulkSummary = {
    total: ids.length,
    willReceive: 0,
    willEnable: 0,
    withPassword: 0,
    skipped: { missing_email: 0, invalid_email: 0, disabled: 0, email_in_use: 0 },
    skippedPeople: { missing_email: [], invalid_email: [], disabled: [], email_in_use: [] },
  };
  for (const slice of chunks(ids)) {
    const order = new Map(slice.map((id, index) => [id, index]));
    const found = await getDb().student.findMany({
      where: { id: { in: slice } },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        email: true,
        emailKey: true,
        access: { select: { id: true, enabled: true, disabledAt: true, passwordHash: true, linkExpiresAt: true } },
      },
    });
    const students = found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const keys = [...new Set(students.map((student) => student.emailKey).filter((key): key is string => !!key))];
    const holders = keys.length
      ? await getDb().portalAccess.findMany({ where: { signInEmail: { in: keys } }, select: { id: true, signInEmail: true } })
      : [];
    const heldBy = new Map(holders.map((holder) => [holder.signInEmail!, holder.id]));
    for (const student of students) {
      const outcome = outcomeFor(student, heldBy);
      if (outcome === "enable" || outcome === "send") {
        summary.willReceive += 1;
        if (outcome === "enable") summary.willEnable += 1;
        if (student.access?.passwordHash) summary.withPassword += 1;
      } else {
        summary.skipped[outcome] += 1;
        const named = summary.skippedPeople[outcome];
        if (named.length < NAMED_SKIPS) named.push({ id: student.id, name: `${student.firstName} ${student.lastName}` });
      }
    }
  }
  return summary;
}

/** Before « Relancer »: of a selection, the students and the parents (each counted once) whose invitation waits for activation. */
export type ReminderPreview = { students: number; guardians: number };

/**
 * How many people a reminder run would write to, read from the access phases the rows keep
 * (Student.accessPhase, the links' guardianPhase): "pending" is an invitation sent or a link expired,
 * what « Relancer » reminds. The run itself decides again, person by person.
 */
export async function previewBulkReminder(staff: StaffContext, selection: TBulkSelection): Promise<ReminderPreview | "too_many"> {
  const ids =
    "studentIds" in selection ? [...new Set(selection.studentIds)] : await findStudentIds(staff, selection.query, MAX_BULK_STUDENTS + 1);
  if (ids.length > MAX_BULK_STUDENTS) return "too_many";
  // One statement for up to 10,000 ids, handed over as one parameter (SQLite caps a statement's
  // parameters); each id is checked against the staff member's schools, a parent of two selected
  // siblings counted once. No list order needed, unlike a send.
  const selected =
    getDbProvider() === "sqlite" ? Prisma.sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))` : Prisma.sql`(SELECT unnest(${ids}::text[]))`;
  const [counts] = await getDb().$queryRaw<{ students: bigint | number; guardians: bigint | number }[]>`
    SELECT
      (SELECT COUNT(*) FROM "Student"
        WHERE "id" IN ${selected} AND "accessPhase" = 'pending' AND ${visibleStudentsSql(staff, Prisma.sql`"schoolId"`)}) AS "students",
      (SELECT COUNT(DISTINCT "guardianId") FROM "StudentGuardian"
        WHERE "studentId" IN ${selected} AND "guardianPhase" = 'pending' AND ${visibleStudentsSql(staff, Prisma.sql`"schoolId"`)}) AS "guardians"`;
  return { students: Number(counts.students), guardians: Number(counts.guardians) };
}

/** What staff start from the list: activation emails, or reminders to students, parents or both. */
export type BulkSendRequest = ({ kind: "activation" } & TBulkOptions) | { kind: "reminder"; audience: TBulkAudience };

/** Records a bulk send for the worker to prepare and send (lib/jobs/bulk-sends.ts starts it). */
export async function createBulkSend(
  staff: StaffContext,
  selection: TBulkSelection,
  request: BulkSendRequest,
): Promise<{ id: string; total: number } | "too_many" | "empty"> {
  const ids = await resolveSelection(staff, selection);
  if (ids === "too_many") return ids;
  if (!ids.length) return "empty";
  const selectionJson = JSON.stringify(request.kind === "activation" ? { studentIds: ids, includeWithPassword: request.includeWithPassword } : { studentIds: ids });
  const audience = request.kind === "activation" ? "students" : request.audience;
  // A double click on "Envoyer" (or the same click in two tabs) must not email everyone twice: the
  // same selection, still being prepared by the same person, is the same bulk send. The staff
  // member's row is locked first (PostgreSQL holds it until commit; SQLite runs one transaction at a
  // time), so of two requests at the same moment the second finds the first one's send.
  const bulk = await getDb().$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE "StaffUser" SET "active" = "active" WHERE "id" = ${staff.id}`;
    const duplicate = await tx.bulkSend.findFirst({
      where: {
        createdById: staff.id,
        kind: request.kind,
        audience,
        status: "preparing",
        selection: selectionJson,
        createdAt: { gt: new Date(Date.now() - 60_000) },
      },
      select: { id: true, total: true },
    });
    if (duplicate) return duplicate;
    return tx.bulkSend.create({
      // The ids are fixed now, so the report matches what the summary showed.
      data: { createdById: staff.id, kind: request.kind, audience, selection: selectionJson, total: ids.length },
      select: { id: true, total: true },
    });
  });
  return bulk;
}

export type BulkSendToPrepare = { id: string; createdById: string | null; kind: string; audience: string };

/**
 * The oldest bulk send from the list still being prepared: who started it, activation or reminder,
 * and to whom. Automatic reminder runs are the reminder worker's (lib/reminders), never prepared here.
 */
export async function findBulkSendToPrepare(): Promise<BulkSendToPrepare | null> {
  return getDb().bulkSend.findFirst({
    where: { status: "preparing", kind: { in: ["activation", "reminder"] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, createdById: true, kind: true, audience: true },
  });
}

/**
 * The students a bulk send was started for, in the order of the list, and whether those who already
 * chose a password are sent a link (sends recorded before the option existed did); null when unreadable.
 */
export async function readBulkSelection(bulkSendId: string): Promise<({ studentIds: string[] } & TBulkOptions) | null> {
  const { selection } = await getDb().bulkSend.findUniqueOrThrow({ where: { id: bulkSendId }, select: { selection: true } });
  const { studentIds, includeWithPassword } = JSON.parse(selection) as { studentIds?: string[]; includeWithPassword?: boolean };
  return Array.isArray(studentIds) ? { studentIds, includeWithPassword: includeWithPassword !== false } : null;
}

/** Those of these students who already chose a password. */
export async function findStudentsWithPassword(studentIds: string[]): Promise<Set<string>> {
  const rows = await getDb().portalAccess.findMany({ where: { studentId: { in: studentIds }, passwordHash: { not: null } }, select: { studentId: true } });
  return new Set(rows.flatMap((row) => (row.studentId ? [row.studentId] : [])));
}

/** Those of these students the bulk send already has an item for (prepared or skipped). */
export async function findPreparedStudents(bulkSendId: string, studentIds: string[]): Promise<Set<string>> {
  const items = await getDb().bulkSendItem.findMany({ where: { bulkSendId, studentId: { in: studentIds } }, select: { studentId: true } });
  return new Set(items.map((item) => item.studentId));
}

/** A bulk send whose author may no longer send it (or whose selection is unreadable) stops here. */
export async function cancelBulkSend(bulkSendId: string): Promise<void> {
  await getDb().bulkSend.update({ where: { id: bulkSendId }, data: { status: "cancelled", preparedAt: new Date() } });
}

/** Every student has an item: what is left is sending the queued emails. */
export async function markBulkSendPrepared(bulkSendId: string): Promise<void> {
  await getDb().bulkSend.updateMany({ where: { id: bulkSendId, status: "preparing" }, data: { status: "queued", preparedAt: new Date() } });
}

/**
 * Records why a person of a bulk send gets no email: a SkipReason, or why the operation refused. A
 * parent (guardianId) is recorded with the selected student through whom they were reached.
 */
export async function recordBulkSkip(bulkSendId: string, studentId: string, outcome: string, guardianId?: string): Promise<void> {
  const key = bulkItemKey(guardianId ? { kind: "guardian", id: guardianId } : { kind: "student", id: studentId }, studentId);
  await getDb()
    .bulkSendItem.createMany({ data: [{ ...key, bulkSendId, outcome }] })
    .catch((error: unknown) => {
      // Already recorded (another worker), or the student was deleted meanwhile (foreign key): either
      // way nothing is left to do for this person, and the rest of the bulk send must go on.
      if (!isUniqueViolation(error) && !isMissingReference(error)) throw error;
    });
}
