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
  /** Set when the student was found through this parent's name or email, not their own. */
  matchedGuardian?: string;
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

/**
 * The list's two sets of matches, in display order: students matching the search themselves, then
 * students found only through their parents (every word in the parents' names or emails). Without a
 * search, the first set is everyone matching the filters and there is no second one.
 */
function listWheres(staff: StaffContext, query: TStudentListQuery, now: Date) {
  const filters: Prisma.StudentWhereInput[] = [visibleStudentsWhere(staff)];
  if (query.schoolId) filters.push({ schoolId: query.schoolId });
  if (query.programId) filters.push({ programId: query.programId });
  if (query.classId) filters.push({ classId: query.classId });
  if (query.schoolYearId) filters.push({ schoolYearId: query.schoolYearId });
  if (query.email) filters.push({ hasEmail: query.email === "renseigne" });
  if (query.access) filters.push(accessStateWhere(query.access, now));
  const tokens = searchTokens(query.query);
  if (!tokens.length) return { own: { AND: filters }, viaGuardian: null, tokens };
  const ownMatch: Prisma.StudentWhereInput[] = tokens.map((token) => ({ searchText: { contains: token } }));
  const guardianMatch: Prisma.StudentWhereInput[] = tokens.map((token) => ({ guardianSearchText: { contains: token } }));
  return {
    own: { AND: [...filters, ...ownMatch] } satisfies Prisma.StudentWhereInput,
    viaGuardian: { AND: [...filters, ...guardianMatch, { NOT: { AND: ownMatch } }] } satisfies Prisma.StudentWhereInput,
    tokens,
  };
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

const listOrder = [{ sortKey: "asc" }, { id: "asc" }] satisfies Prisma.StudentOrderByWithRelationInput[];

type ListedStudent = Prisma.StudentGetPayload<{ select: typeof listSelect }>;

function toRow(student: ListedStudent, now: Date, matchedGuardian?: { firstName: string; lastName: string }): StudentListRow {
  return {
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
    ...(matchedGuardian ? { matchedGuardian: `${matchedGuardian.firstName} ${matchedGuardian.lastName}` } : {}),
  };
}

/** One page of the Étudiants list, sorted by last then first name; a page past the end shows the last one. */
export async function findStudents(staff: StaffContext, query: TStudentListQuery): Promise<StudentListPage> {
  const db = getDb();
  const now = new Date();
  const { own, viaGuardian, tokens } = listWheres(staff, query, now);
  const [ownTotal, guardianTotal] = await Promise.all([db.student.count({ where: own }), viaGuardian ? db.student.count({ where: viaGuardian }) : 0]);
  const total = ownTotal + guardianTotal;
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const offset = (page - 1) * query.pageSize;
  const ownRows =
    offset < ownTotal ? await db.student.findMany({ where: own, select: listSelect, orderBy: listOrder, skip: offset, take: query.pageSize }) : [];
  const rows = ownRows.map((student) => toRow(student, now));
  const room = query.pageSize - ownRows.length;
  if (viaGuardian && guardianTotal > 0 && room > 0) {
    const found = await db.student.findMany({
      where: viaGuardian,
      select: { ...listSelect, guardians: { select: { guardian: { select: { firstName: true, lastName: true, searchText: true } } }, orderBy: { guardianId: "asc" } } },
      orderBy: listOrder,
      skip: Math.max(0, offset - ownTotal),
      take: room,
    });
    rows.push(...found.map(({ guardians, ...student }) => toRow(student, now, matchingGuardian(guardians.map((link) => link.guardian), tokens))));
  }
  return { rows, total, page, pageSize: query.pageSize, pageCount };
}

/** The parent whose name or email holds the most words of the search (the first of equals). */
function matchingGuardian<T extends { searchText: string }>(guardians: T[], tokens: string[]): T | undefined {
  let best: T | undefined;
  let bestScore = 0;
  for (const guardian of guardians) {
    const score = tokens.filter((token) => guardian.searchText.includes(token)).length;
    if (score > bestScore) [best, bestScore] = [guardian, score];
  }
  return best;
}

/** Ids of every student matching a list state (search and filters), in list order. */
export async function findStudentIds(
  staff: StaffContext,
  query: Omit<TStudentListQuery, "page" | "pageSize">,
  limit: number,
): Promise<string[]> {
  const db = getDb();
  const { own, viaGuardian } = listWheres(staff, { ...query, page: 1, pageSize: 25 }, new Date());
  const ids = (await db.student.findMany({ where: own, select: { id: true }, orderBy: listOrder, take: limit })).map((row) => row.id);
  if (viaGuardian && ids.length < limit) {
    const more = await db.student.findMany({ where: viaGuardian, select: { id: true }, orderBy: listOrder, take: limit - ids.length });
    ids.push(...more.map((row) => row.id));
  }
  return ids;
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

// Schools, programs, classes and years change a few times a year; reading them on every list page
// cost four queries. Kept a minute per set of visible schools, in this process.
const FILTER_OPTIONS_TTL_MS = 60_000;
const FILTER_OPTIONS_MAX_ENTRIES = 500;
const filterOptionsCache = new Map<string, { expiresAt: number; options: Promise<FilterOptions> }>();

/** What the list's filters offer: only the schools (and their programs and classes) the staff member sees. */
export async function getFilterOptions(staff: StaffContext, now = Date.now()): Promise<FilterOptions> {
  const key = `${staff.organizationId}:${[...staff.schoolIds].sort().join(",")}`;
  const cached = filterOptionsCache.get(key);
  if (cached && cached.expiresAt > now) return cached.options;
  const options = readFilterOptions(staff);
  filterOptionsCache.delete(key);
  if (filterOptionsCache.size >= FILTER_OPTIONS_MAX_ENTRIES) filterOptionsCache.delete(filterOptionsCache.keys().next().value!);
  filterOptionsCache.set(key, { expiresAt: now + FILTER_OPTIONS_TTL_MS, options });
  options.catch(() => {
    // A failed read is not kept: the next page tries again.
    if (filterOptionsCache.get(key)?.options === options) filterOptionsCache.delete(key);
  });
  return options;
}

async function readFilterOptions(staff: StaffContext): Promise<FilterOptions> {
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
