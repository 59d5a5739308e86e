import "server-only";
import { getDb, getDbProvider } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { ACCESS_STATES, type AccessState } from "@/lib/access/state";
import { emptyBoardCounts, type AccessBoard, type BoardCounts, type BoardSchool, type StateCounts } from "@/lib/access/board";
import type { StaffContext } from "@/lib/rights";
import { prismaRunner, type SqlRunner } from "./student-list-sql";
import { visibleStudentsSql, visibleSchoolsWhere } from "./scope";

// The follow-up board in three set-based statements (issue 11): students grouped by class and by the
// stored access phase (decision 007); parents' links grouped by class and by their PortalAccess row's
// state, and the links of parents of several children, so that each parent is counted once per place.


function timestamp(date: Date): Date | string {
  // SQLite keeps Prisma's DateTime as ISO text with an offset; compared as text, it must be written the same way.
  return getDbProvider() === "sqlite" ? date.toISOString().replace("Z", "+00:00") : date;
}

/** `SUM`s counting the rows of each access state in `column`, one column per state. */
function stateSums(column: string): Prisma.Sql {
  return Prisma.raw(ACCESS_STATES.map((name) => `SUM(CASE WHEN ${column} = '${name}' THEN 1 ELSE 0 END) AS "${name}"`).join(", "));
}

/**
 * Students per class and state, read from the columns the Accès filter reads (same rules): one walk
 * of the students' covering index in class order, grouped by class only, so the grouping streams.
 */
export function studentCountsSql(staff: StaffContext, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT c."schoolId", c."programId", c."classId", ${stateSums(`c."state"`)}
    FROM (
      SELECT s."schoolId", s."programId", s."classId",
        CASE WHEN s."accessPhase" = 'pending'
          THEN CASE WHEN s."accessLinkExpiresAt" > ${timestamp(now)} THEN 'invited' ELSE 'expired' END
          ELSE s."accessPhase" END AS "state"
      FROM "Student" s
      WHERE ${visibleStudentsSql(staff, Prisma.raw(`s."schoolId"`))}
    ) c
    GROUP BY 1, 2, 3`;
}

/**
 * A parent's state from the copy of their access phase their links keep (decision 015), the way the
 * students' statement reads Student.accessPhase: "pending" is an invitation until its link expires.
 */
function linkStateSql(now: Date): Prisma.Sql {
  return Prisma.sql`CASE WHEN sg."guardianPhase" = 'pending'
    THEN CASE WHEN sg."guardianLinkExpiresAt" > ${timestamp(now)} THEN 'invited' ELSE 'expired' END
    ELSE sg."guardianPhase" END`;
}

/**
 * Parent–child links per class and parent state, from one walk of StudentGuardian's class-ordered
 * covering index: the grouping streams (no sort, no row reads) whatever the number of links. A parent
 * with two children in a class is two links there; repeatedParentLinksSql's rows correct that.
 */
export function parentLinkCountsSql(staff: StaffContext, now: Date): Prisma.Sql {
  const state = linkStateSql(now);
  return Prisma.sql`
    SELECT l."schoolId", l."programId", l."classId", ${stateSums(`l."state"`)}
    FROM (
      SELECT sg."schoolId", sg."programId", sg."classId", ${state} AS "state"
      FROM "StudentGuardian" sg
      WHERE ${visibleStudentsSql(staff, Prisma.raw(`sg."schoolId"`))}
    ) l
    GROUP BY 1, 2, 3`;
}

/**
 * How many links beyond the first parents of several children (siblings; a minority) have in each
 * class, program, school and in all, by state: what the link counts count twice. Only those parents'
 * links are read (the copied link count finds them on its index), so the DISTINCTs sort thousands of
 * rows, not every link.
 */
export function repeatedParentLinksSql(staff: StaffContext, now: Date): Prisma.Sql {
  const repeats = (level: string, key: string) =>
    Prisma.raw(`SELECT '${level}' AS "level", ${key} AS "key", m."state", COUNT(*) - COUNT(DISTINCT m."guardianId") AS "n" FROM m GROUP BY 2, 3`);
  return Prisma.sql`
    WITH m AS MATERIALIZED (
      SELECT sg."guardianId", sg."schoolId", sg."programId", sg."classId", ${linkStateSql(now)} AS "state"
      FROM "StudentGuardian" sg
      WHERE sg."guardianLinkCount" > 1 AND ${visibleStudentsSql(staff, Prisma.raw(`sg."schoolId"`))}
    )
    ${repeats("class", `m."classId"`)}
    UNION ALL ${repeats("program", `m."programId"`)}
    UNION ALL ${repeats("school", `m."schoolId"`)}
    UNION ALL ${repeats("all", `''`)}`;
}

/** Every statement the board sends to count, for the benchmark's floor. */
export function accessBoardCountStatements(staff: StaffContext, now: Date): Prisma.Sql[] {
  return [studentCountsSql(staff, now), parentLinkCountsSql(staff, now), repeatedParentLinksSql(staff, now)];
}

/** A class and how many of its students, or parents' links, are in each state. */
type ClassCountRow = { schoolId: string; programId: string; classId: string } & Record<AccessState, bigint | number | string | null>;
type RepeatRow = { level: string; key: string; state: string; n: bigint | number | string };

/** Adds each class's counts to its class, program, school and the total. */
function addClassCounts(rows: ClassCountRow[], side: (counts: BoardCounts) => StateCounts, countsOf: (level: string, key: string) => BoardCounts) {
  for (const row of rows) {
    for (const state of ACCESS_STATES) {
      const n = Number(row[state] ?? 0);
      side(countsOf("class", row.classId))[state] += n;
      side(countsOf("program", row.programId))[state] += n;
      side(countsOf("school", row.schoolId))[state] += n;
      side(countsOf("all", ""))[state] += n;
    }
  }
}

/** Each parent counted once per place: the links there, less the repeated links of parents of several children. */
function countParents(linkRows: ClassCountRow[], repeatRows: RepeatRow[], countsOf: (level: string, key: string) => BoardCounts) {
  addClassCounts(linkRows, (counts) => counts.parents, countsOf);
  for (const row of repeatRows) countsOf(row.level, row.key).parents[asState(row.state)] -= Number(row.n);
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
  const [studentRows, linkRows, repeatRows] = await Promise.all([
    run<ClassCountRow>(studentCountsSql(staff, now)),
    run<ClassCountRow>(parentLinkCountsSql(staff, now)),
    run<RepeatRow>(repeatedParentLinksSql(staff, now)),
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
  addClassCounts(studentRows, (counts) => counts.students, countsOf);
  countParents(linkRows, repeatRows, countsOf);

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
