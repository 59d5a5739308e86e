import "server-only";
import { getDb, getDbProvider } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { ReminderFacts, ReminderSettings } from "@/lib/reminders/rules";
import { guardianPerson, studentPerson, type Person, type SchoolOfPerson } from "./people";

// What the automatic reminders job reads: the schools that send them, the people of a school who
// may be due (a bounded page of an index range), and the facts the rules need, in a few queries for
// the whole page. Whether a reminder is due is lib/reminders/rules.ts's call.

export type ReminderSchool = { id: string; name: string; contactEmail: string | null; settings: ReminderSettings };

/** The schools with « Relances automatiques » on and at least one reminder allowed. */
export async function findReminderSchools(): Promise<ReminderSchool[]> {
  const schools = await getDb().school.findMany({ where: { autoRemindersEnabled: true, reminderMaxCount: { gt: 0 } }, orderBy: { id: "asc" } });
  return schools.map((school) => ({
    id: school.id,
    name: school.name,
    contactEmail: school.contactEmail,
    settings: {
      afterDays: school.reminderAfterDays,
      beforeExpiryDays: school.reminderBeforeExpiryDays,
      maxCount: school.reminderMaxCount,
      windowStart: school.reminderWindowStart,
      windowEnd: school.reminderWindowEnd,
      timeZone: school.timeZone,
    },
  }));
}

/** The school as its reminders' sender: name, Reply-To and the clock of the link's expiry. */
function senderOf(school: ReminderSchool): SchoolOfPerson {
  return { name: school.name, contactEmail: school.contactEmail, timeZone: school.settings.timeZone };
}

/** A place in a walk over link expiries: the last row read. */
export type CandidateCursor = { expiresAt: Date; id: string };

export type ReminderCandidate = {
  person: Person;
  accessId: string;
  /** For a parent: the child through whom the school reaches them (the run's item names them). */
  bulkStudentId?: string;
};

/** The candidates of a page, how many rows it read (a parent of another school's run is read but left out), and where the next page starts (null: the walk is done). */
export type CandidatePage = { candidates: ReminderCandidate[]; read: number; next: CandidateCursor | null };

type Walk = { from: Date; to: Date; after: CandidateCursor | null; limit: number };

/** The index range [from, to] from the cursor on, and past the cursor's ties. */
function rangeFrom({ from, to, after }: Walk) {
  const start = after && after.expiresAt > from ? after.expiresAt : from;
  return { range: { gte: start, lte: to }, ties: after ? { id: { lte: after.id }, at: after.expiresAt } : null };
}

/**
 * The school's students whose access waits for a password (invited or expired) with a link expiring
 * in [from, to]: a range of the Student (accessPhase, accessLinkExpiresAt, schoolId) index.
 */
export async function findStudentCandidates(school: ReminderSchool, walk: Walk): Promise<CandidatePage> {
  const { range, ties } = rangeFrom(walk);
  const rows = await getDb().student.findMany({
    where: {
      accessPhase: "pending",
      accessLinkExpiresAt: range,
      schoolId: school.id,
      ...(ties ? { NOT: { accessLinkExpiresAt: ties.at, id: ties.id } } : {}),
    },
    orderBy: [{ accessLinkExpiresAt: "asc" }, { id: "asc" }],
    take: walk.limit,
    select: { id: true, firstName: true, lastName: true, email: true, locale: true, accessLinkExpiresAt: true, access: { select: { id: true } } },
  });
  const candidates = rows
    .filter((row) => row.access)
    .map((row) => ({ person: studentPerson({ ...row, school: senderOf(school) }), accessId: row.access!.id }));
  const last = rows.at(-1);
  return { candidates, read: rows.length, next: rows.length === walk.limit && last ? { expiresAt: last.accessLinkExpiresAt!, id: last.id } : null };
}

/**
 * The parents of the school's students whose access waits for a password with a link expiring in
 * [from, to] (the PortalAccess linkExpiresAt index). A parent belongs to one school for reminders:
 * the school of their first child (by id) among `reminderSchoolIds`; parents of another school's are
 * left to that school's run, so a parent of children in two schools is reminded once.
 */
export async function findGuardianCandidates(school: ReminderSchool, reminderSchoolIds: readonly string[], walk: Walk): Promise<CandidatePage> {
  const rows = await getDb().$queryRaw<{ id: string; linkExpiresAt: Date | string; guardianId: string }[]>(guardianPageSql(school.id, walk));
  const guardians = rows.length
    ? await getDb().guardian.findMany({
        where: { id: { in: rows.map((row) => row.guardianId) } },
        select: {
          id: true,
          firstName: true,
          lastName: true,
          email: true,
          locale: true,
          students: { orderBy: { studentId: "asc" }, select: { student: { select: { id: true, firstName: true, lastName: true, schoolId: true } } } },
        },
      })
    : [];
  const byId = new Map(guardians.map((guardian) => [guardian.id, guardian]));
  const candidates: ReminderCandidate[] = [];
  for (const row of rows) {
    const guardian = byId.get(row.guardianId);
    if (!guardian) continue;
    const children = guardian.students.map(({ student }) => student);
    const through = children.find((child) => reminderSchoolIds.includes(child.schoolId));
    if (through?.schoolId !== school.id) continue;
    candidates.push({
      accessId: row.id,
      bulkStudentId: through.id,
      // The email is the school's to the family: it names every child the parent follows.
      person: guardianPerson(guardian, senderOf(school), children.map((child) => `${child.firstName} ${child.lastName}`), row.id),
    });
  }
  const last = rows.at(-1);
  return { candidates, read: rows.length, next: rows.length === walk.limit && last ? { expiresAt: new Date(last.linkExpiresAt), id: last.id } : null };
}

function timestamp(date: Date): Date | string {
  // SQLite keeps Prisma's DateTime as ISO text with an offset; compared as text, it must be written the same way.
  return getDbProvider() === "sqlite" ? date.toISOString().replace("Z", "+00:00") : date;
}

/**
 * One page of the parents' walk. Written by hand for SQLite's sake: without statistics its planner
 * picked the (enabled, disabledAt) index and read every enabled access (0.3 s at 100,000 students
 * for an empty range); INDEXED BY keeps it on the expiry range. PostgreSQL plans it from its statistics.
 */
function guardianPageSql(schoolId: string, walk: Walk): Prisma.Sql {
  const { range, ties } = rangeFrom(walk);
  const indexed = getDbProvider() === "sqlite" ? Prisma.raw(`INDEXED BY "PortalAccess_linkExpiresAt_idx"`) : Prisma.empty;
  const afterTies = ties ? Prisma.sql`AND NOT (pa."linkExpiresAt" = ${timestamp(ties.at)} AND pa."id" <= ${ties.id.lte})` : Prisma.empty;
  return Prisma.sql`
    SELECT pa."id", pa."linkExpiresAt", pa."guardianId"
    FROM "PortalAccess" pa ${indexed}
    WHERE pa."linkExpiresAt" >= ${timestamp(range.gte)} AND pa."linkExpiresAt" <= ${timestamp(range.lte)}
      AND pa."guardianId" IS NOT NULL AND pa."enabled" = TRUE AND pa."passwordHash" IS NULL
      AND EXISTS (
        SELECT 1 FROM "StudentGuardian" sg JOIN "Student" s ON s."id" = sg."studentId"
        WHERE sg."guardianId" = pa."guardianId" AND s."schoolId" = ${schoolId}
      )
      ${afterTies}
    ORDER BY pa."linkExpiresAt", pa."id"
    LIMIT ${walk.limit}`;
}

const INVITATIONS = ["enabled", "link_sent"];

/**
 * The rules' facts for each access: when staff last invited the person (the cycle's start), their
 * current link, and how many automatic reminders were sent since the invitation. Three queries for
 * the whole page, each on an index starting with the access id.
 */
export async function readReminderFacts(accessIds: string[]): Promise<Map<string, ReminderFacts>> {
  const facts = new Map<string, ReminderFacts>();
  if (!accessIds.length) return facts;
  const db = getDb();
  const [invitations, links, sent] = await Promise.all([
    db.accessEvent.groupBy({
      by: ["accessId"],
      where: { accessId: { in: accessIds }, type: { in: INVITATIONS }, actorId: { not: null } },
      _max: { createdAt: true },
    }),
    db.activationLink.findMany({
      where: { accessId: { in: accessIds }, usedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, accessId: true, createdAt: true, expiresAt: true },
    }),
    db.reminderDue.findMany({ where: { accessId: { in: accessIds } }, select: { accessId: true, sentAt: true } }),
  ]);
  for (const accessId of accessIds) facts.set(accessId, { invitedAt: null, link: null, remindersSent: 0 });
  for (const row of invitations) facts.get(row.accessId)!.invitedAt = row._max.createdAt;
  for (const link of links) {
    const fact = facts.get(link.accessId)!;
    fact.link ??= { id: link.id, createdAt: link.createdAt, expiresAt: link.expiresAt };
  }
  for (const row of sent) {
    const fact = facts.get(row.accessId)!;
    if (fact.invitedAt && row.sentAt >= fact.invitedAt) fact.remindersSent += 1;
  }
  return facts;
}

/**
 * Records a run of automatic reminders for « Envois »: a reminder send of the school, by no staff
 * member, already prepared (the bulk preparation job never picks it up).
 */
export async function createReminderRun(schoolId: string, considered: number, now: Date): Promise<string> {
  const run = await getDb().bulkSend.create({
    data: {
      kind: "auto_reminder",
      audience: "both",
      createdById: null,
      schoolId,
      status: "queued",
      selection: JSON.stringify({ automatic: true, due: considered }),
      total: 0,
      createdAt: now,
      preparedAt: now,
    },
    select: { id: true },
  });
  return run.id;
}

/** The run's total is the reminders it queued; a run that queued none (another worker sent them) is removed. */
export async function finishReminderRun(bulkSendId: string, queued: number): Promise<void> {
  if (queued === 0) await getDb().bulkSend.deleteMany({ where: { id: bulkSendId, items: { none: {} } } });
  else await getDb().bulkSend.update({ where: { id: bulkSendId }, data: { total: queued } });
}
