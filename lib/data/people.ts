import "server-only";
import { getDb } from "@/lib/db";
import { toLocale, type Locale } from "@/lib/i18n/locales";
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
  /** The language of the emails they receive (Student.locale / Guardian.locale). */
  locale: Locale;
  schoolName: string;
  /** The school's contact address, where replies to its emails go; null when it has none. */
  schoolContactEmail: string | null;
  /** The school's time zone, in which their emails give the link's expiry. */
  schoolTimeZone: string;
  /** For a guardian, the students they follow (named in the activation email). */
  studentNames: string[];
  accessId: string | null;
};

/** What a person's emails need of their school: read with the person (`select: SCHOOL_OF_PERSON`). */
export const SCHOOL_OF_PERSON = { name: true, contactEmail: true, timeZone: true } as const;
export type SchoolOfPerson = { name: string; contactEmail: string | null; timeZone: string };

function schoolFields(school: SchoolOfPerson): Pick<Person, "schoolName" | "schoolContactEmail" | "schoolTimeZone"> {
  return { schoolName: school.name, schoolContactEmail: school.contactEmail, schoolTimeZone: school.timeZone };
}

/** The columns of a Student or Guardian row a Person is built from. */
type PersonRow = { id: string; firstName: string; lastName: string; email: string | null; locale: string };

function personOf(kind: Person["kind"], row: PersonRow, school: SchoolOfPerson, studentNames: string[], accessId: string | null): Person {
  const { id, firstName, lastName, email } = row;
  return { kind, id, firstName, lastName, email, locale: toLocale(row.locale), ...schoolFields(school), studentNames, accessId };
}

/** A student as a person whose access staff manage (also built by the bulk preparation, from its own read). */
export function studentPerson(student: PersonRow & { school: SchoolOfPerson; access: { id: string } | null }): Person {
  return personOf("student", student, student.school, [], student.access?.id ?? null);
}

/** A parent as a person whose access staff manage, writing on behalf of `school` about `studentNames`. */
export function guardianPerson(guardian: PersonRow, school: SchoolOfPerson, studentNames: string[], accessId: string | null): Person {
  return personOf("guardian", guardian, school, studentNames, accessId);
}

/**
 * The student, or one of their guardians, if the staff member may see the student; null otherwise
 * (unknown ids, another school's student, a guardian who is not this student's).
 */
export async function findPerson(staff: StaffContext, ref: PersonRef): Promise<Person | null> {
  const db = getDb();
  const student = await db.student.findFirst({
    where: { AND: [{ id: ref.studentId }, visibleStudentsWhere(staff)] },
    include: { school: { select: SCHOOL_OF_PERSON }, access: { select: { id: true } } },
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
  // Only children in schools the staff member sees: a copy of the email must not reveal the others.
  const studentNames = guardian.students
    .filter(({ student: child }) => staff.schoolIds.includes(child.schoolId))
    .map(({ student: child }) => `${child.firstName} ${child.lastName}`);
  return guardianPerson(guardian, student.school, studentNames, guardian.access?.id ?? null);
}

export function personAccessKey(person: Person): { studentId: string } | { guardianId: string } {
  return person.kind === "student" ? { studentId: person.id } : { guardianId: person.id };
}
