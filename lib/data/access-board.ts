import "server-only";
import { getDb, getDbProvider } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { ACCESS_STATES, type AccessState } from "@/lib/access/state";
import { emptyBoardCounts, type AccessBoard, type BoardCounts, type BoardSchool } from "@/lib/access/board";
import type { StaffContext } from "@/lib/rights";
import { prismaRunner, type SqlRunner } from "./student-list-sql";
import { visibleStudentsSql, visibleSchoolsWhere } from "./scope";

// The follow-up board in three set-based statements (issue 11): students grouped by class and by the
// stored access phase (decision 007); parents' links grouped by class and by their PortalAccess row's
// state, and the links of parents of several children, so that each parent is counted once per place.

type StudentCountRow = { schoolId: string; programId: string; classId: string; state: string; n: bigint | number | string };

function timestamp(date: Date): Date | string {
  // SQLite keeps Prisma's DateTime as ISO text with an offset; compared as text, it must be written the same way.
  return getDbProvider() === "sqlite" ? date.toISOString().replace("Z", "+00:00") : date;
}

/** Students per class and state, read from the columns the Accès filter reads (same rules). */
export function studentCountsSql(staff: StaffContext, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT s."schoolId", s."programId", s."classId",
      CASE WHEN s."accessPhase" = 'pending'
        THEN CASE WHEN s."accessLinkExpiresAt" > ${timestamp(now)} THEN 'invited' ELSE 'expired' END
        ELSE s."accessPhase" END AS "state",
      COUNT(*) AS "n"
    FROM "Student" s
    WHERE ${visibleStudentsSql(staff, Prisma.raw(`s."schoolId"`))}
    GROUP BY 1, 2, 3, 4`;
}

/** A parent's state, as lib/access/state.ts's accessState derives it from their PortalAccess row. */
function parentStateSql(now: Date): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN pa."id" IS NULL THEN 'none'
    WHEN NOT pa."enabled" THEN CASE WHEN pa."disabledAt" IS NOT NULL THEN 'disabled' ELSE 'none' END
    WHEN pa."passwordHash" IS NOT NULL THEN 'active'
    WHEN pa."linkExpiresAt" > ${timestamp(now)} THEN 'invited'
    ELSE 'expired' END`;
}

/** The parents' access rows, reached by guardianId. */
function parentAccessJoin(): Prisma.Sql {
  // SQLite's statistics see mostly NULLs in PortalAccess.guardianId (students' rows) and scanned the
  // table for every parent (17 s at 20,000 students); its unique index answers each in one step.
  const guardianIndex = Prisma.raw(getDbProvider() === "sqlite" ? `INDEXED BY "PortalAccess_guardianId_key"` : "");
  return Prisma.sql`LEFT JOIN "PortalAccess" pa ${guardianIndex} ON pa."guardianId" = sg."guardianId"`;
}

/**
 * Parent–child links per class and parent state: one walk of the students' covering index in class
 * order, so the grouping streams (no sort) whatever the number of students. A parent with two children
 * in a class is two links there; sharedParentLinksSql's rows correct that.
 */
export function parentLinkCountsSql(staff: StaffContext, now: Date): Prisma.Sql {
  const state = parentStateSql(now);
  const sums = Prisma.raw(ACCESS_STATES.map((name) => `SUM(CASE WHEN l."state" = '${name}' THEN 1 ELSE 0 END) AS "${name}"`).join(", "));
  return Prisma.sql`
    SELECT l."schoolId", l."programId", l."classId", ${sums}
    FROM (
      SELECT s."schoolId", s."programId", s."classId", ${state} AS "state"
      FROM "Student" s
      JOIN "StudentGuardian" sg ON sg."studentId" = s."id"
      ${parentAccessJoin()}
      WHERE ${visibleStudentsSql(staff, Prisma.raw(`s."schoolId"`))}
    ) l
    GROUP BY 1, 2, 3`;
}

/**
 * The links of parents linked to several students (siblings; a minority), with their class: where two
 * of a parent's links fall in one class, program or school, the parent is counted once there.
 */
export function sharedParentLinksSql(staff: StaffContext, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT sg."guardianId", s."schoolId", s."programId", s."classId", ${parentStateSql(now)} AS "state"
    FROM "StudentGuardian" sg
    JOIN "Student" s ON s."id" = sg."studentId"
    ${parentAccessJoin()}
    WHERE sg."guardianId" IN (SELECT "guardianId" FROM "StudentGuardian" GROUP BY "guardianId" HAVING COUNT(*) > 1)
      AND ${visibleStudentsSql(staff, Prisma.raw(`s."schoolId"`))}`;
}

/** Every statement the board sends to count, for the benchmark's floor. */
export function accessBoardCountStatements(staff: StaffContext, now: Date): Prisma.Sql[] {
  return [studentCountsSql(staff, now), parentLinkCountsSql(staff, now), sharedParentLinksSql(staff, now)];
}

type ParentLinkRow = { schoolId: string; programId: string; classId: string } & Record<AccessState, bigint | number | string | null>;
type SharedLinkRow = { guardianId: string; schoolId: string; programId: string; classId: string; state: string };

/**
 * Each parent counted once per class, program, school and in the total: the links per level, less,
 * for each parent of several children, the links beyond the first in each place they share.
 */
function countParents(linkRows: ParentLinkRow[], sharedRows: SharedLinkRow[], countsOf: (level: string, key: string) => BoardCounts) {
  for (const row of linkRows) {
    for (const state of ACCESS_STATES) {
      const n = Number(row[state] ?? 0);
      countsOf("class", row.classId).parents[state] += n;
      countsOf("program", row.programId).parents[state] += n;
      countsOf("school", row.schoolId).parents[state] += n;
      countsOf("all", "").parents[state] += n;
    }
  }
  const linksOf = new Map<string, SharedLinkRow[]>();
  for (const row of sharedRows) linksOf.set(row.guardianId, [...(linksOf.get(row.guardianId) ?? []), row]);
  for (const links of linksOf.values()) {
    const state = asState(links[0].state);
    const places = (level: string, key: (row: SharedLinkRow) => string) => {
      const seen = new Map<string, number>();
      for (const row of links) seen.set(key(row), (seen.get(key(row)) ?? 0) + 1);
      for (const [place, n] of seen) countsOf(level, place).parents[state] -= n - 1;
    };
    places("class", (row) => row.classId);
    places("program", (row) => row.programId);
    places("school", (row) => row.schoolId);
    places("all", () => "");
  }
}

function asState(value: string): AccessState {
  return (ACCESS_STATES as readonly string[]).includes(value) ? (value as AccessState) : "none";
}

/**
 * The board of the schools a staff member may see: every school, program and class holding students,
 * sorted by name, with the students and parents in each access state. `run` lets the benchmark send
 * the same statements on the bare driver.
 */
export async function getAccessBoard(staff: StaffContext, now: Date = new Date(), run: SqlRunner = prismaRunner): Promise<AccessBoard> {
  const [studentRows, linkRows, sharedRows] = await Promise.all([
    run<StudentCountRow>(studentCountsSql(staff, now)),
    run<ParentLinkRow>(parentLinkCountsSql(staff, now)),
    run<SharedLinkRow>(sharedParentLinksSql(staff, now)),
  ]);
  const classIds = [...new Set(studentRows.map((row) => row.classId))];
  const names = classIds.length
    ? await getDb().schoolClass.findMany({
        where: { id: { in: classIds }, program: { school: visibleSchoolsWhere(staff) } },
        select: {
          id: true,
          name: true,
          schoolYear: { select: { label: true } },
          program: { select: { id: true, name: true, school: { select: { id: true, name: true } } } },
        },
      })
    : [];
  const byKey = new Map<string, BoardCounts>();
  const countsOf = (level: string, key: string) => {
    let counts = byKey.get(`${level}:${key}`);
    if (!counts) byKey.set(`${level}:${key}`, (counts = emptyBoardCounts()));
    return counts;
  };
  for (const row of studentRows) {
    const n = Number(row.n);
    const state = asState(row.state);
    countsOf("class", row.classId).students[state] += n;
    countsOf("program", row.programId).students[state] += n;
    countsOf("school", row.schoolId).students[state] += n;
    countsOf("all", "").students[state] += n;
  }
  countParents(linkRows, sharedRows, countsOf);

  // Several school years' classes may share a name: the year tells them apart.
  const yearsOf = new Map<string, Set<string>>();
  for (const item of names) yearsOf.set(item.name, (yearsOf.get(item.name) ?? new Set()).add(item.schoolYear.label));
  const schools = new Map<string, BoardSchool>();
  for (const item of names) {
    const { program } = item;
    let school = schools.get(program.school.id);
    if (!school) schools.set(program.school.id, (school = { ...program.school, counts: countsOf("school", program.school.id), programs: [] }));
    let boardProgram = school.programs.find((entry) => entry.id === program.id);
    if (!boardProgram) school.programs.push((boardProgram = { id: program.id, name: program.name, counts: countsOf("program", program.id), classes: [] }));
    const name = yearsOf.get(item.name)!.size > 1 ? `${item.name} (${item.schoolYear.label})` : item.name;
    boardProgram.classes.push({ id: item.id, name, counts: countsOf("class", item.id) });
  }
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, "fr");
  const sorted = [...schools.values()].sort(byName);
  for (const school of sorted) {
    school.programs.sort(byName);
    for (const program of school.programs) program.classes.sort(byName);
  }
  return { total: countsOf("all", ""), schools: sorted };
}
