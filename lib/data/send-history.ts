import "server-only";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { getDb } from "@/lib/db";
import type { OutboxStatus } from "@/lib/mail/queue";
import type { StaffContext } from "@/lib/rights";
import type { SkipReason } from "@/lib/errors";
import type { TBulkAudience } from "@/lib/validation/bulk";
import { chunks, readBulkSelection } from "./bulk-sends";
import { visibleStudentsWhere } from "./scope";

// What « Envois » and a send's progress page and report show: activation sends, reminder runs
// started by staff, and automatic reminder runs.

export type BulkSendKind = "activation" | "reminder" | "auto_reminder";

/**
 * The sends a staff member may open: within their organisation, those they started (every staff
 * member's when they see every school), and the automatic reminder runs of the schools they see. A
 * staff member restricted to some schools must not learn about the others' students.
 */
export function visibleSendsWhere(staff: StaffContext): Prisma.BulkSendWhereInput {
  return {
    OR: [
      { createdBy: { organizationId: staff.organizationId }, ...(staff.allSchools ? {} : { createdById: staff.id }) },
      {
        createdById: null,
        school: { organizationId: staff.organizationId, ...(staff.allSchools ? {} : { id: { in: [...staff.schoolIds] } }) },
      },
    ],
  };
}

const SKIPS = ["missing_email", "invalid_email", "disabled", "email_in_use", "not_enabled", "active", "not_found", "has_password"] as const;
export type ProgressSkip = SkipReason | "not_found" | "has_password";

export type BulkProgress = {
  id: string;
  kind: BulkSendKind;
  audience: TBulkAudience;
  status: string;
  /** Students selected (an activation send: the people written to). */
  total: number;
  /** People handled so far: one item each (a reminder run counts parents too). */
  prepared: number;
  skipped: Record<ProgressSkip, number>;
  emails: Record<OutboxStatus, number>;
  done: boolean;
  createdAt: string;
  /** null: an automatic reminder run. */
  createdBy: string | null;
  /** The school of an automatic reminder run. */
  schoolName: string | null;
};

const emptySkips = () => Object.fromEntries(SKIPS.map((reason) => [reason, 0])) as Record<ProgressSkip, number>;

/** Progress of a bulk send or reminder run the staff member may open (visibleSendsWhere); null otherwise. */
export async function getBulkProgress(staff: StaffContext, bulkSendId: string): Promise<BulkProgress | null> {
  const db = getDb();
  const bulk = await db.bulkSend.findFirst({
    where: { AND: [{ id: bulkSendId }, visibleSendsWhere(staff)] },
    include: { createdBy: { select: { name: true } }, school: { select: { name: true } } },
  });
  if (!bulk) return null;
  const [outcomes, statuses] = await Promise.all([
    db.bulkSendItem.groupBy({ by: ["outcome"], where: { bulkSendId }, _count: { _all: true } }),
    db.outboxMessage.groupBy({ by: ["status"], where: { bulkSendId }, _count: { _all: true } }),
  ]);
  const skipped = emptySkips();
  for (const row of outcomes) if (row.outcome in skipped) skipped[row.outcome as ProgressSkip] = row._count._all;
  const emails = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of statuses) if (row.status in emails) emails[row.status as OutboxStatus] = row._count._all;
  return {
    id: bulk.id,
    kind: bulk.kind as BulkSendKind,
    audience: bulk.audience as TBulkAudience,
    status: bulk.status,
    total: bulk.total,
    prepared: outcomes.reduce((sum, row) => sum + row._count._all, 0),
    skipped,
    emails,
    done: bulk.status !== "preparing" && emails.pending === 0 && emails.sending === 0,
    createdAt: bulk.createdAt.toISOString(),
    createdBy: bulk.createdBy?.name ?? null,
    schoolName: bulk.school?.name ?? null,
  };
}

type ReportStudent = { studentNumber: string; firstName: string; lastName: string; email: string | null; sortKey: string };

/** One line of the report: a person of the send (a student, or a parent reached through one) and what became of their email. */
export type BulkReportLine = {
  /** The selected student; for a parent's line, the child through whom they were reached. */
  student: ReportStudent;
  /** Set on a parent's line (reminder runs). */
  guardian: { firstName: string; lastName: string; email: string | null } | null;
  /** queued, a skip reason, or not_prepared / cancelled for those the worker has not reached (or never will). */
  outcome: string;
  outboxMessage: { status: string; sentAt: Date | null; lastError: string | null } | null;
};

const reportStudentColumns = { studentNumber: true, firstName: true, lastName: true, email: true, sortKey: true } as const;

/** One line per person of the send (that the staff member may see) for the downloadable report, in list order. */
export async function getBulkReport(staff: StaffContext, bulkSendId: string): Promise<{ bulk: BulkProgress; items: BulkReportLine[] } | null> {
  const bulk = await getBulkProgress(staff, bulkSendId);
  if (!bulk) return null;
  const items = await getDb().bulkSendItem.findMany({
    where: { bulkSendId, student: visibleStudentsWhere(staff) },
    select: {
      studentId: true,
      outcome: true,
      student: { select: reportStudentColumns },
      guardian: { select: { firstName: true, lastName: true, email: true } },
      outboxMessage: { select: { status: true, sentAt: true, lastError: true } },
    },
  });
  const lines: BulkReportLine[] = items.map(({ student, guardian, outcome, outboxMessage }) => ({ student, guardian, outcome, outboxMessage }));
  // Everyone of the selection has a line: those not prepared yet (or never, the send being interrupted)
  // too. Once a reminder run is prepared, a student without an item had nobody to remind (a parents'
  // run, a student without parents or whose parent was reminded through a sibling).
  const unfinished = bulk.status === "preparing" || bulk.status === "cancelled";
  if (bulk.kind === "activation" || unfinished) {
    const withItem = new Set(items.map((item) => item.studentId));
    const rest = ((await readBulkSelection(bulkSendId))?.studentIds ?? []).filter((id) => !withItem.has(id));
    const outcome = bulk.status === "cancelled" ? "cancelled" : "not_prepared";
    for (const ids of chunks(rest)) {
      const students = await getDb().student.findMany({ where: { AND: [{ id: { in: ids } }, visibleStudentsWhere(staff)] }, select: reportStudentColumns });
      lines.push(...students.map((student) => ({ student, guardian: null, outcome, outboxMessage: null })));
    }
  }
  const personOrder = (line: BulkReportLine) => (line.guardian ? `1${line.guardian.lastName} ${line.guardian.firstName}` : "0");
  lines.sort((a, b) => a.student.sortKey.localeCompare(b.student.sortKey) || personOrder(a).localeCompare(personOrder(b)));
  return { bulk, items: lines };
}

export const SENDS_PAGE_SIZE = 20;

/** A past send as « Envois » lists it: an activation send, a reminder run, or an automatic reminder run. */
export type SendSummary = {
  kind: BulkSendKind;
  audience: TBulkAudience;
  id: string;
  createdAt: string;
  /** null: automatic reminders. */
  createdBy: string | null;
  schoolName: string | null;
  /** People: the students of an activation send, everyone handled by a reminder run. */
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  state: "preparing" | "sending" | "done" | "cancelled";
};

export type SendsPage = { sends: SendSummary[]; page: number; pageCount: number; total: number };

/** The sends a staff member may open (visibleSendsWhere), newest first, a page at a time. */
export async function listBulkSends(staff: StaffContext, requestedPage: number): Promise<SendsPage> {
  const db = getDb();
  const where = visibleSendsWhere(staff);
  const total = await db.bulkSend.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / SENDS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pageCount);
  const bulks = await db.bulkSend.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * SENDS_PAGE_SIZE,
    take: SENDS_PAGE_SIZE,
    select: {
      id: true,
      kind: true,
      audience: true,
      status: true,
      total: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      school: { select: { name: true } },
    },
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
    const items = outcomes.filter((row) => row.bulkSendId === bulk.id);
    const itemCount = (pick: (outcome: string) => boolean) => items.filter((row) => pick(row.outcome)).reduce((sum, row) => sum + row._count._all, 0);
    const inFlight = emailCount("pending") + emailCount("sending");
    const state = bulk.status === "cancelled" ? "cancelled" : bulk.status === "preparing" ? "preparing" : inFlight ? "sending" : "done";
    const kind = bulk.kind as BulkSendKind;
    return {
      kind,
      audience: bulk.audience as TBulkAudience,
      id: bulk.id,
      createdAt: bulk.createdAt.toISOString(),
      createdBy: bulk.createdBy?.name ?? null,
      schoolName: bulk.school?.name ?? null,
      // A reminder run's people are known as it goes (parents are found through the students).
      total: kind === "activation" ? bulk.total : itemCount(() => true),
      sent: emailCount("sent"),
      failed: emailCount("failed"),
      skipped: itemCount((outcome) => outcome !== "queued"),
      state,
    };
  });
  return { sends, page, pageCount, total };
}
