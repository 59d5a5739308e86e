import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { StaffContext } from "@/lib/rights";
import { accessState, type AccessState } from "@/lib/access/state";
import { searchTokens } from "@/lib/search/normalize";
import type { TStudentListQuery } from "@/lib/validation/students";
import { visibleSchoolsWhere, visibleStudentsWhere } from "./scope";
import { addressSharers, type AddressSharer } from "./shared-emails";

export type StudentListRow = {
  id: string;
  studentNumber: string;
  firstName: string;
  lastName: string;
  photoUrl: string | null;
  email: string | null;
  schoolName: string;
  programName: string;
  className: string;
  accessState: AccessState;
};

export type StudentListPage = {
  rows: StudentListRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

/** The students whose own portal access is in `state` (see lib/access/state.ts for the same rules). */
export function accessStateWhere(state: AccessState, now: Date): Prisma.StudentWhereInput {
  switch (state) {
    case "none":
      return { OR: [{ access: { is: null } }, { access: { is: { enabled: false, disabledAt: null } } }] };
    case "invited":
      return { access: { is: { enabled: true, passwordHash: null, linkExpiresAt: { gt: now } } } };
    case "expired":
      return {
        access: { is: { enabled: true, passwordHash: null, OR: [{ linkExpiresAt: null }, { linkExpiresAt: { lte: now } }] } },
      };
    case "active":
      return { access: { is: { enabled: true, passwordHash: { not: null } } } };
    case "disabled":
      return { access: { is: { enabled: false, disabledAt: { not: null } } } };
  }
}

function listWhere(staff: StaffContext, query: TStudentListQuery, now: Date): Prisma.StudentWhereInput {
  const and: Prisma.StudentWhereInput[] = [visibleStudentsWhere(staff)];
  if (query.schoolId) and.push({ schoolId: query.schoolId });
  if (query.programId) and.push({ programId: query.programId });
  if (query.classId) and.push({ classId: query.classId });
  if (query.schoolYearId) and.push({ schoolYearId: query.schoolYearId });
  if (query.email) and.push({ hasEmail: query.email === "renseigne" });
  if (query.access) and.push(accessStateWhere(query.access, now));
  for (const token of searchTokens(query.query)) and.push({ searchText: { contains: token } });
  return { AND: and };
}

const listSelect = {
  id: true,
  studentNumber: true,
  firstName: true,
  lastName: true,
  photoUrl: true,
  email: true,
  school: { select: { name: true } },
  program: { select: { name: true } },
  schoolClass: { select: { name: true } },
  access: { select: { enabled: true, passwordHash: true, disabledAt: true, linkExpiresAt: true } },
} satisfies Prisma.StudentSelect;

/** One page of the Étudiants list, sorted by last then first name; a page past the end shows the last one. */
export async function findStudents(staff: StaffContext, query: TStudentListQuery): Promise<StudentListPage> {
  const db = getDb();
  const now = new Date();
  const where = listWhere(staff, query, now);
  const total = await db.student.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const students = await db.student.findMany({
    where,
    select: listSelect,
    orderBy: [{ sortKey: "asc" }, { id: "asc" }],
    skip: (page - 1) * query.pageSize,
    take: query.pageSize,
  });
  return {
    rows: students.map((student) => ({
      id: student.id,
      studentNumber: student.studentNumber,
      firstName: student.firstName,
      lastName: student.lastName,
      photoUrl: student.photoUrl,
      email: student.email,
      schoolName: student.school.name,
      programName: student.program.name,
      className: student.schoolClass.name,
      accessState: accessState(student.access, now),
    })),
    total,
    page,
    pageSize: query.pageSize,
    pageCount,
  };
}

/** Ids of every student matching a list state (search and filters), in list order. */
export async function findStudentIds(
  staff: StaffContext,
  query: Omit<TStudentListQuery, "page" | "pageSize">,
  limit: number,
): Promise<string[]> {
  const rows = await getDb().student.findMany({
    where: listWhere(staff, { ...query, page: 1, pageSize: 25 }, new Date()),
    select: { id: true },
    orderBy: [{ sortKey: "asc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map((row) => row.id);
}

export type GuardianSummary = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  relationship: string;
  accessState: AccessState;
  /** Others registered with the same address (see shared-emails.ts). */
  sharedWith: AddressSharer[];
};

export type StudentDetails = {
  id: string;
  studentNumber: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  photoUrl: string | null;
  email: string | null;
  phone: string | null;
  school: { id: string; name: string };
  program: { id: string; name: string };
  className: string;
  schoolYear: string;
  accessState: AccessState;
  sharedWith: AddressSharer[];
  guardians: GuardianSummary[];
};

const accessColumns = { enabled: true, passwordHash: true, disabledAt: true, linkExpiresAt: true } as const;

const RELATIONSHIP_ORDER = ["mother", "father", "guardian", "other"];

/** A student with their parents, or null when unknown or outside the staff member's schools (cached per request). */
export const getStudentDetails = cache(async function getStudentDetails(
  staff: StaffContext,
  studentId: string,
): Promise<StudentDetails | null> {
  const student = await getDb().student.findFirst({
    where: { AND: [{ id: studentId }, visibleStudentsWhere(staff)] },
    include: {
      school: { select: { id: true, name: true } },
      program: { select: { id: true, name: true } },
      schoolClass: { select: { name: true } },
      schoolYear: { select: { label: true } },
      access: { select: accessColumns },
      guardians: { include: { guardian: { include: { access: { select: accessColumns } } } } },
    },
  });
  if (!student) return null;
  const sharers = await addressSharers(staff, [
    { kind: "student", id: student.id, email: student.email },
    ...student.guardians.map(({ guardian }) => ({ kind: "guardian" as const, id: guardian.id, email: guardian.email })),
  ]);
  const guardians = student.guardians
    .map(({ guardian, relationship }) => ({
      id: guardian.id,
      firstName: guardian.firstName,
      lastName: guardian.lastName,
      email: guardian.email,
      phone: guardian.phone,
      relationship,
      accessState: accessState(guardian.access),
      sharedWith: sharers.get(`guardian:${guardian.id}`) ?? [],
    }))
    .sort((a, b) => RELATIONSHIP_ORDER.indexOf(a.relationship) - RELATIONSHIP_ORDER.indexOf(b.relationship));
  return {
    id: student.id,
    studentNumber: student.studentNumber,
    firstName: student.firstName,
    lastName: student.lastName,
    birthDate: student.birthDate.toISOString(),
    photoUrl: student.photoUrl,
    email: student.email,
    phone: student.phone,
    school: student.school,
    program: student.program,
    className: student.schoolClass.name,
    schoolYear: student.schoolYear.label,
    accessState: accessState(student.access),
    sharedWith: sharers.get(`student:${student.id}`) ?? [],
    guardians,
  };
});

export type FilterOptions = {
  schools: { id: string; name: string }[];
  programs: { id: string; name: string; schoolId: string }[];
  classes: { id: string; name: string; programId: string; schoolYearId: string }[];
  schoolYears: { id: string; label: string }[];
};

/** What the list's filters offer: only the schools (and their programs and classes) the staff member sees. */
export async function getFilterOptions(staff: StaffContext): Promise<FilterOptions> {
  const db = getDb();
  const schoolWhere = visibleSchoolsWhere(staff);
  const [schools, programs, classes, schoolYears] = await Promise.all([
    db.school.findMany({ where: schoolWhere, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.program.findMany({
      where: { school: schoolWhere },
      select: { id: true, name: true, schoolId: true },
      orderBy: { name: "asc" },
    }),
    db.schoolClass.findMany({
      where: { program: { school: schoolWhere } },
      select: { id: true, name: true, programId: true, schoolYearId: true },
      orderBy: { name: "asc" },
    }),
    db.schoolYear.findMany({
      where: { organizationId: staff.organizationId },
      select: { id: true, label: true },
      orderBy: { startsOn: "desc" },
    }),
  ]);
  return { schools, programs, classes, schoolYears };
}
