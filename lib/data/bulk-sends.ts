import "server-only";
import { isMissingReference, isUniqueViolation } from "@/lib/db/errors";
import { accessState } from "@/lib/access/state";
import { getDb } from "@/lib/db";
import type { OutboxStatus } from "@/lib/mail/queue";
import type { StaffContext } from "@/lib/rights";
import { emailStatus } from "@/lib/access/email-address";
import type { SkipReason } from "@/lib/errors";
import { MAX_BULK_STUDENTS, type TBulkOptions, type TBulkSelection } from "@/lib/validation/bulk";
import { findStudentIds } from "./students";
import { visibleStudentsWhere } from "./scope";


/** How many skipped people the summary names for each reason; the rest are counted. */
export const NAMED_SKIPS = 20;

export type BulkSummary = {
  total: number;
  /** Those who will be sent a link when people with a password are included. */
  willReceive: number;
  willEnable: number;
  /** Of willReceive, those who already chose a password: sent nothing unless staff include them. */
  withPassword: number;
  skipped: Record<SkipReason, number>;
  /** The first NAMED_SKIPS of each reason, in list order, to open their profile and fix the address. */
  skippedPeople: Record<SkipReason, { id: string; name: string }[]>;
};

// SQLite through the driver adapter accepts a few hundred bound parameters per query: ask in slices.
const CHUNK = 400;

function chunks<T>(items: T[]): T[][] {
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

/** Records a bulk send for the worker to prepare and send (lib/jobs/bulk-sends.ts starts it). */
export async function createBulkSend(
  staff: StaffContext,
  selection: TBulkSelection,
  { includeWithPassword }: TBulkOptions,
): Promise<{ id: string; total: number } | "too_many" | "empty"> {
  const ids = await resolveSelection(staff, selection);
  if (ids === "too_many") return ids;
  if (!ids.length) return "empty";
  const selectionJson = JSON.stringify({ studentIds: ids, includeWithPassword });
  // A double click on "Envoyer" must not email everyone twice: the same selection, still being
  // prepared by the same person, is the same bulk send.
  const duplicate = await getDb().bulkSend.findFirst({
    where: { createdById: staff.id, status: "preparing", selection: selectionJson, createdAt: { gt: new Date(Date.now() - 60_000) } },
    select: { id: true, total: true },
  });
  if (duplicate) return duplicate;
  const bulk = await getDb().bulkSend.create({
    // The ids are fixed now, so the report matches what the summary showed.
    data: { createdById: staff.id, selection: selectionJson, total: ids.length },
    select: { id: true, total: true },
  });
  return bulk;
}

/** The oldest bulk send still being prepared, and who started it. */
export async function findBulkSendToPrepare(): Promise<{ id: string; createdById: string | null } | null> {
  return getDb().bulkSend.findFirst({ where: { status: "preparing" }, orderBy: { createdAt: "asc" }, select: { id: true, createdById: true } });
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

/** Records why a student of a bulk send gets no email: a SkipReason, or why resendActivation refused. */
export async function recordBulkSkip(bulkSendId: string, studentId: string, outcome: string): Promise<void> {
  await getDb()
    .bulkSendItem.createMany({ data: [{ bulkSendId, studentId, personKey: studentId, outcome }] })
    .catch((error: unknown) => {
      // Already recorded (another worker), or the student was deleted meanwhile (foreign key): either
      // way nothing is left to do for this student, and the rest of the bulk send must go on.
      if (!isUniqueViolation(error) && !isMissingReference(error)) throw error;
    });
}

export type BulkProgress = {
  id: string;
  status: string;
  total: number;
  prepared: number;
  skipped: Record<SkipReason | "not_found" | "has_password", number>;
  emails: Record<OutboxStatus, number>;
  done: boolean;
  createdAt: string;
  createdBy: string | null;
};

/**
 * Progress of a bulk send, for the staff member who started it or one who sees every school of the
 * organisation: a staff member restricted to some schools must not learn about the others' students.
 */
export async function getBulkProgress(staff: StaffContext, bulkSendId: string): Promise<BulkProgress | null> {
  const db = getDb();
  const bulk = await db.bulkSend.findFirst({
    where: {
      id: bulkSendId,
      createdBy: { organizationId: staff.organizationId },
      ...(staff.allSchools ? {} : { createdById: staff.id }),
    },
    include: { createdBy: { select: { name: true } } },
  });
  if (!bulk) return null;
  const [outcomes, statuses] = await Promise.all([
    db.bulkSendItem.groupBy({ by: ["outcome"], where: { bulkSendId }, _count: { _all: true } }),
    db.outboxMessage.groupBy({ by: ["status"], where: { bulkSendId }, _count: { _all: true } }),
  ]);
  const count = (rows: { _count: { _all: number } }[], pick: (row: never) => boolean) =>
    rows.filter(pick as never).reduce((sum, row) => sum + row._count._all, 0);
  const skipped = { missing_email: 0, invalid_email: 0, disabled: 0, email_in_use: 0, not_found: 0, has_password: 0 };
  for (const row of outcomes) if (row.outcome in skipped) skipped[row.outcome as keyof typeof skipped] = row._count._all;
  const emails = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of statuses) if (row.status in emails) emails[row.status as OutboxStatus] = row._count._all;
  const prepared = count(outcomes, () => true);
  return {
    id: bulk.id,
    status: bulk.status,
    total: bulk.total,
    prepared,
    skipped,
    emails,
    done: bulk.status !== "preparing" && emails.pending === 0 && emails.sending === 0,
    createdAt: bulk.createdAt.toISOString(),
    createdBy: bulk.createdBy?.name ?? null,
  };
}

/** One line of the report: a student of the selection and what became of their email. */
export type BulkReportLine = {
  student: { studentNumber: string; firstName: string; lastName: string; email: string | null; sortKey: string };
  /** queued, a skip reason, or not_prepared / cancelled for those the worker has not reached (or never will). */
  outcome: string;
  outboxMessage: { status: string; sentAt: Date | null; lastError: string | null } | null;
};

const reportStudentColumns = { studentNumber: true, firstName: true, lastName: true, email: true, sortKey: true } as const;

/** One line per student of the selection (that the staff member may see) for the downloadable report. */
export async function getBulkReport(staff: StaffContext, bulkSendId: string): Promise<{ bulk: BulkProgress; items: BulkReportLine[] } | null> {
  const bulk = await getBulkProgress(staff, bulkSendId);
  if (!bulk) return null;
  const items = await getDb().bulkSendItem.findMany({
    where: { bulkSendId, student: visibleStudentsWhere(staff) },
    select: {
      studentId: true,
      outcome: true,
      student: { select: reportStudentColumns },
      outboxMessage: { select: { status: true, sentAt: true, lastError: true } },
    },
  });
  const lines: BulkReportLine[] = items.map(({ student, outcome, outboxMessage }) => ({ student, outcome, outboxMessage }));
  // Everyone of the selection has a line: those not prepared yet (or never, the send being interrupted) too.
  const withItem = new Set(items.map((item) => item.studentId));
  const rest = ((await readBulkSelection(bulkSendId))?.studentIds ?? []).filter((id) => !withItem.has(id));
  const outcome = bulk.status === "cancelled" ? "cancelled" : "not_prepared";
  for (const ids of chunks(rest)) {
    const students = await getDb().student.findMany({ where: { AND: [{ id: { in: ids } }, visibleStudentsWhere(staff)] }, select: reportStudentColumns });
    lines.push(...students.map((student) => ({ student, outcome, outboxMessage: null })));
  }
  lines.sort((a, b) => a.student.sortKey.localeCompare(b.student.sortKey));
  return { bulk, items: lines };
}

export const SENDS_PAGE_SIZE = 20;

/** A past send as « Envois » lists it. `kind` leaves room for reminder runs next to bulk sends. */
export type SendSummary = {
  kind: "bulk_send";
  id: string;
  createdAt: string;
  /** null: automatic reminders. */
  createdBy: string | null;
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  state: "preparing" | "sending" | "done" | "cancelled";
};

export type SendsPage = { sends: SendSummary[]; page: number; pageCount: number; total: number };

/** The bulk sends a staff member may open (the rule of getBulkProgress), newest first, a page at a time. */
export async function listBulkSends(staff: StaffContext, requestedPage: number): Promise<SendsPage> {
  const db = getDb();
  const where = { createdBy: { organizationId: staff.organizationId }, ...(staff.allSchools ? {} : { createdById: staff.id }) };
  const total = await db.bulkSend.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / SENDS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pageCount);
  const bulks = await db.bulkSend.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * SENDS_PAGE_SIZE,
    take: SENDS_PAGE_SIZE,
    select: { id: true, status: true, total: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  const ids = bulks.map((bulk) => bulk.id);
  const [outcomes, statuses] = ids.length
    ? await Promise.all([
        db.bulkSendItem.groupBy({ by: ["bulkSendId", "outcome"], where: { bulkSendId: { in: ids } }, _count: { _all: true } }),
        db.outboxMessage.groupBy({ by: ["bulkSendId", "status"], where: { bulkSendId: { in: ids } }, _count: { _all: true } }),
      ])
    : [[], []];
  const sends = bulks.map((bulk): SendSummary => {
    const emails = statuses.filter((row) => row.bulkSendId === bulk.id);
    const emailCount = (status: OutboxStatus) => emails.filter((row) => row.status === status).reduce((sum, row) => sum + row._count._all, 0);
    const skipped = outcomes
      .filter((row) => row.bulkSendId === bulk.id && row.outcome !== "queued")
      .reduce((sum, row) => sum + row._count._all, 0);
    const inFlight = emailCount("pending") + emailCount("sending");
    const state = bulk.status === "cancelled" ? "cancelled" : bulk.status === "preparing" ? "preparing" : inFlight ? "sending" : "done";
    return {
      kind: "bulk_send",
      id: bulk.id,
      createdAt: bulk.createdAt.toISOString(),
      createdBy: bulk.createdBy?.name ?? null,
      total: bulk.total,
      sent: emailCount("sent"),
      failed: emailCount("failed"),
      skipped,
      state,
    };
  });
  return { sends, page, pageCount, total };
}
