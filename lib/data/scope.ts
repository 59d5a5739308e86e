import "server-only";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { StaffContext } from "@/lib/rights";

/**
 * The students a staff member may see: their organisation, and only their schools when they are
 * restricted. Every student query starts from this, so a student of another school is simply absent.
 */
export function visibleStudentsWhere(staff: StaffContext): Prisma.StudentWhereInput {
  if (staff.schoolIds !== null) return { schoolId: { in: [...staff.schoolIds] } };
  return { school: { organizationId: staff.organizationId } };
}

export function visibleSchoolsWhere(staff: StaffContext): Prisma.SchoolWhereInput {
  return {
    organizationId: staff.organizationId,
    ...(staff.schoolIds !== null ? { id: { in: [...staff.schoolIds] } } : {}),
  };
}
