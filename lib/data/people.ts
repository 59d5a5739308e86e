import "server-only";
import { getDb } from "@/lib/db";
import type { StaffContext } from "@/lib/rights";
import { visibleStudentsWhere } from "./scope";

/** A person whose portal access staff manage, reached through a student they may see. */
export type PersonRef = { studentId: string; guardianId?: string };

export type Person = {
  kind: "student" | "guardian";
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  schoolName: string;
  /** The school's contact address, where replies to its emails go; null when it has none. */
  schoolContactEmail: string | null;
  /** For a guardian, the students they follow (named in the activation email). */
  studentNames: string[];
  accessId: string | null;
};

/** A student as a person whose access staff manage (also built by the bulk preparation, from its own read). */
export function studentPerson(student: {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  school: { name: string; contactEmail: string | null };
  access: { id: string } | null;
}): Person {
  return {
    kind: "student",
    id: student.id,
    firstName: student.firstName,
    lastName: student.lastName,
    email: student.email,
    schoolName: student.school.name,
    schoolContactEmail: student.school.contactEmail,
    studentNames: [],
    accessId: student.access?.id ?? null,
  };
}

/**
 * The student, or one of their guardians, if the staff member may see the student; null otherwise
 * (unknown ids, another school's student, a guardian who is not this student's).
 */
export async function findPerson(staff: StaffContext, ref: PersonRef): Promise<Person | null> {
  const db = getDb();
  const student = await db.student.findFirst({
    where: { AND: [{ id: ref.studentId }, visibleStudentsWhere(staff)] },
    include: { school: { select: { name: true, contactEmail: true } }, access: { select: { id: true } } },
  });
  if (!student) return null;
  if (!ref.guardianId) return studentPerson(student);
  const link = await db.studentGuardian.findUnique({
    where: { studentId_guardianId: { studentId: student.id, guardianId: ref.guardianId } },
    include: {
      guardian: {
        include: {
          access: { select: { id: true } },
          students: { include: { student: { select: { firstName: true, lastName: true, schoolId: true } } } },
        },
      },
    },
  });
  if (!link) return null;
  const { guardian } = link;
  return {
    kind: "guardian",
    id: guardian.id,
    firstName: guardian.firstName,
    lastName: guardian.lastName,
    email: guardian.email,
    schoolName: student.school.name,
    schoolContactEmail: student.school.contactEmail,
    // Only children in schools the staff member sees: a copy of the email must not reveal the others.
    studentNames: guardian.students
      .filter(({ student: child }) => staff.schoolIds.includes(child.schoolId))
      .map(({ student: child }) => `${child.firstName} ${child.lastName}`),
    accessId: guardian.access?.id ?? null,
  };
}

export function personAccessKey(person: Person): { studentId: string } | { guardianId: string } {
  return person.kind === "student" ? { studentId: person.id } : { guardianId: person.id };
}
