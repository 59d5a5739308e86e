// Test data built through the real Prisma client: an organisation with two schools, students, parents
// and staff members with chosen rights. Every name and email is unique per call.
import { randomUUID } from "node:crypto";
import { deriveClassColumns, deriveGuardianColumns, deriveStudentColumns } from "@/lib/data/person-columns";
import { loadStaffContext } from "@/lib/data/staff";
import { getDb } from "@/lib/db";
import { hashPassword } from "@/lib/passwords";
import type { Right, StaffContext } from "@/lib/rights";
import { refreshGuardianSearchTexts } from "@/lib/search/reindex";

export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

export type World = Awaited<ReturnType<typeof createWorld>>;

/** An organisation with schools A and B, one program and one class each for the current year, and a past year. */
export async function createWorld() {
  const db = getDb();
  const suffix = uniqueSuffix();
  const organization = await db.organization.create({ data: { name: `Organisation ${suffix}` } });
  const currentYear = await db.schoolYear.create({
    data: { organizationId: organization.id, label: "2026-2027", startsOn: new Date("2026-09-01"), endsOn: new Date("2027-07-03") },
  });
  const pastYear = await db.schoolYear.create({
    data: { organizationId: organization.id, label: "2025-2026", startsOn: new Date("2025-09-01"), endsOn: new Date("2026-07-04") },
  });
  const schools = [];
  for (const name of ["Lycée A", "Lycée B"]) {
    const school = await db.school.create({ data: { organizationId: organization.id, name: `${name} ${suffix}` } });
    const program = await db.program.create({ data: { schoolId: school.id, name: `Formation de ${name}` } });
    const currentClass = await db.schoolClass.create({
      data: { programId: program.id, schoolYearId: currentYear.id, ...deriveClassColumns(`${name} classe 1`) },
    });
    const pastClass = await db.schoolClass.create({
      data: { programId: program.id, schoolYearId: pastYear.id, ...deriveClassColumns(`${name} classe 0`) },
    });
    schools.push({ school, program, currentClass, pastClass });
  }
  return { organization, currentYear, pastYear, schools };
}

type StudentInput = {
  firstName: string;
  lastName: string;
  email?: string | null;
  school?: 0 | 1;
  pastYear?: boolean;
  guardians?: { firstName: string; lastName: string; email?: string | null; relationship?: string; id?: string }[];
};

let studentCounter = 0;

export async function createStudent(world: World, input: StudentInput) {
  const db = getDb();
  const slot = world.schools[input.school ?? 0];
  studentCounter += 1;
  const studentNumber = `T${uniqueSuffix()}${studentCounter}`;
  const email = input.email === undefined ? `${uniqueSuffix()}@eleves.test` : input.email;
  const student = await db.student.create({
    data: {
      studentNumber,
      firstName: input.firstName,
      lastName: input.lastName,
      birthDate: new Date("2009-03-14"),
      email,
      ...deriveStudentColumns({ firstName: input.firstName, lastName: input.lastName, email, studentNumber }),
      phone: "07 00 00 00 00",
      schoolId: slot.school.id,
      programId: slot.program.id,
      classId: input.pastYear ? slot.pastClass.id : slot.currentClass.id,
      schoolYearId: input.pastYear ? world.pastYear.id : world.currentYear.id,
    },
  });
  for (const guardian of input.guardians ?? []) {
    const guardianEmail = guardian.email === undefined ? `${uniqueSuffix()}@famille.test` : guardian.email;
    const guardianId =
      guardian.id ??
      (
        await db.guardian.create({
          data: {
            firstName: guardian.firstName,
            lastName: guardian.lastName,
            email: guardianEmail,
            ...deriveGuardianColumns({ ...guardian, email: guardianEmail }),
          },
        })
      ).id;
    await db.studentGuardian.create({
      data: { studentId: student.id, guardianId, relationship: guardian.relationship ?? "mother" },
    });
  }
  if (input.guardians?.length) await refreshGuardianSearchTexts(db, [student.id]);
  return student;
}

/** Many students at once (one createMany, no email), in a school's current class: for the list's caps. */
export async function createManyStudents(
  world: World,
  people: { id?: string; firstName: string; lastName: string; studentNumber: string }[],
  school: 0 | 1 = 0,
) {
  const slot = world.schools[school];
  await getDb().student.createMany({
    data: people.map((person) => ({
      ...person,
      ...deriveStudentColumns({ ...person, email: null }),
      birthDate: new Date("2010-01-01"),
      schoolId: slot.school.id,
      programId: slot.program.id,
      classId: slot.currentClass.id,
      schoolYearId: world.currentYear.id,
    })),
  });
}

export const STAFF_PASSWORD = "Correct-horse-battery-9";

/** A staff member with these rights (optionally restricted to some schools), as the server sees them. */
export async function createStaff(
  world: World,
  options: { rights: readonly Right[]; schools?: (0 | 1)[]; email?: string },
): Promise<StaffContext & { password: string }> {
  const db = getDb();
  const suffix = uniqueSuffix();
  const role = await db.role.create({
    data: {
      organizationId: world.organization.id,
      name: `Rôle ${suffix}`,
      rights: { create: options.rights.map((right) => ({ right })) },
    },
  });
  const staff = await db.staffUser.create({
    data: {
      organizationId: world.organization.id,
      email: options.email ?? `staff-${suffix}@ecole.test`,
      name: `Personnel ${suffix}`,
      passwordHash: await hashPassword(STAFF_PASSWORD),
      roleId: role.id,
      schools: options.schools ? { create: options.schools.map((index) => ({ schoolId: world.schools[index].school.id })) } : undefined,
    },
  });
  const context = await loadStaffContext(staff.id);
  if (!context) throw new Error("an inactive staff member has no context: use the row instead");
  return { ...context, password: STAFF_PASSWORD };
}
