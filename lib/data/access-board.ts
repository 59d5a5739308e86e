import "server-only";
import { getDb, getDbProvider } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { ACCESS_STATES, type AccessState } from "@/lib/access/state";
import { emptyBoardCounts, type AccessBoard, type BoardCounts, type BoardSchool } from "@/lib/access/board";
import type { StaffContext } from "@/lib/rights";
import { prismaRunner, type SqlRunner } from "./student-list-sql";
import { visibleStudentsSql, visibleSchoolsWhere } from "./scope";

// The follow-up board in two set-based statements (issue 11): students grouped by class and by the
// stored access phase (decision 007), parents by class and by their PortalAccess row's state.

type StudentCountRow = { schoolId: string; programId: string; classId: string; state: string; n: bigint | number | string };
type ParentCountRow = { level: string; key: string; state: string; n: bigint | number | string };

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

/**
 * Parents per level (class, program, school, all) and state, each parent counted once per level: a
 * parent of two children in one school counts once for the school (and once in each child's class).
 * Their state follows lib/access/state.ts's accessState on their PortalAccess row.
 */
export function parentCountsSql(staff: StaffContext, now: Date): Prisma.Sql {
  const state = Prisma.sql`CASE
    WHEN pa."id" IS NULL THEN 'none'
    WHEN NOT pa."enabled" THEN CASE WHEN pa."disabledAt" IS NOT NULL THEN 'disabled' ELSE 'none' END
    WHEN pa."passwordHash" IS NOT NULL THEN 'active'
    WHEN pa."linkExpiresAt" > ${timestamp(now)} THEN 'invited'
    ELSE 'expired' END`;
  // SQLite's statistics see mostly NULLs in PortalAccess.guardianId (students' rows) and scanned the
  // table for every parent (17 s at 20,000 students); its unique index answers each in one step.
  const guardianIndex = Prisma.raw(getDbProvider() === "sqlite" ? `INDEXED BY "PortalAccess_guardianId_key"` : "");
  const count = (level: string, key: string) =>
    Prisma.raw(`SELECT '${level}' AS "level", ${key} AS "key", p."state", COUNT(DISTINCT p."guardianId") AS "n" FROM p GROUP BY 2, 3`);
  return Prisma.sql`
    WITH p AS MATERIALIZED (
      SELECT DISTINCT s."schoolId", s."programId", s."classId", sg."guardianId", ${state} AS "state"
      FROM "Student" s
      JOIN "StudentGuardian" sg ON sg."studentId" = s."id"
      LEFT JOIN "PortalAccess" pa ${guardianIndex} ON pa."guardianId" = sg."guardianId"
      WHERE ${visibleStudentsSql(staff, Prisma.raw(`s."schoolId"`))}
    )
    ${count("class", `p."classId"`)}
    UNION ALL ${count("program", `p."programId"`)}
    UNION ALL ${count("school", `p."schoolId"`)}
    UNION ALL ${count("all", `''`)}`;
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
  const [studentRows, parentRows] = await Promise.all([
    run<StudentCountRow>(studentCountsSql(staff, now)),
    run<ParentCountRow>(parentCountsSql(staff, now)),
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
  for (const row of parentRows) countsOf(row.level, row.key).parents[asState(row.state)] += Number(row.n);

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
