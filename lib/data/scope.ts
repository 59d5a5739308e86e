import "server-only";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { StaffContext } from "@/lib/rights";

/**
 * The students a staff member may see: those of the schools resolved when their context was loaded
 * (their organisation's, or only some when restricted). Every student query starts from this, so a
 * student of another school is simply absent. A plain `schoolId IN (...)` rather than a join on
 * School lets the database walk the sort index (see docs/decisions/001-database.md).
 */
export function visibleStudentsWhere(staff: StaffContext): Prisma.StudentWhereInput {
  return { schoolId: { in: [...staff.schoolIds] } };
}

/** The same rule for the hand-written list SQL: `schoolColumn` is the student's school, in whichever table the query reads it. */
export function visibleStudentsSql(staff: StaffContext, schoolColumn: Prisma.Sql): Prisma.Sql {
  const schoolIds = [...staff.schoolIds];
  return schoolIds.length ? Prisma.sql`${schoolColumn} IN (${Prisma.join(schoolIds)})` : Prisma.sql`1 = 0`;
}

export function visibleSchoolsWhere(staff: StaffContext): Prisma.SchoolWhereInput {
  return { organizationId: staff.organizationId, id: { in: [...staff.schoolIds] } };
}
