import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import type { StaffContext } from "@/lib/rights";
import { emailStatus, type EmailStatus } from "@/lib/access/email-address";
import { toLocale, type Locale } from "@/lib/i18n/locales";
import { accessState, accessStateOfPhase, type AccessState } from "@/lib/access/state";
import { searchTokens } from "@/lib/search/normalize";
import { ACCESS_SORT_ORDER, type TSortDirection } from "@/lib/students/list-params";
import type { TStudentListQuery } from "@/lib/validation/students";
import { visibleSchoolsWhere, visibleStudentsWhere } from "./scope";
import {
  countByFirstKey,
  countStudentsUpTo,
  resultCap,
  listIds,
  listRows,
  listSource,
  parentsOf,
  prismaRunner,
  SEARCH_RESULT_CAP,
  type ListCriteria,
  type ListOrder,
  type ListParentRecord,
  type ListRowRecord,
  type ListSource,
  type SearchSide,
  type SqlRunner,
} from "./student-list-sql";
import { addressSharers, type AddressSharer } from "./shared-emails";

/** A parent as a list row shows them (« 1/2 parents actifs » and its tooltip): a name and a state, no more. */
export type ListParent = { name: string; relationship: string; accessState: AccessState };

export type StudentListRow = Omit<ListRowRecord, "accessPhase" | "accessLinkExpiresAt"> & {
  accessState: AccessState;
  /** The student's parents, in the profile's order (mother, father, guardian, other). */
  parents: ListParent[];
  /** Checked here, so the browser does not download the address validator. */
  emailStatus: EmailStatus;
  /** Set when the student was found through this parent's name or email, not their own. */
  matchedGuardian?: string;
};

export type StudentListPage = {
  rows: StudentListRow[];
  /** Matching students, exact up to the cap (resultCap); `totalCapped` says there are more. */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  /** Pages that can be opened: those of the first `cap` students. */
  pageCount: number;
};

function toListParent(parent: ListParentRecord, now: Date): ListParent {
  // The phase the filter reads (a link's copy), so the row and the filter cannot disagree.
  const state = accessStateOfPhase(parent.guardianPhase, parent.guardianLinkExpiresAt, now);
  return { name: `${parent.firstName} ${parent.lastName}`, relationship: parent.relationship, accessState: state };
}

function toRow(record: ListRowRecord, parents: ListParentRecord[], now: Date, matchedGuardian?: ListParentRecord): StudentListRow {
  const { accessPhase, accessLinkExpiresAt, ...shown } = record;
  return {
    ...shown,
    accessState: accessStateOfPhase(accessPhase, accessLinkExpiresAt, now),
    parents: [...parents].sort(byRelationship).map((parent) => toListParent(parent, now)),
    emailStatus: emailStatus(shown.email),
    ...(matchedGuardian ? { matchedGuardian: `${matchedGuardian.firstName} ${matchedGuardian.lastName}` } : {}),
  };
}

const RELATIONSHIP_ORDER = ["mother", "father", "guardian", "other"];

function byRelationship(a: { relationship: string }, b: { relationship: string }): number {
  return RELATIONSHIP_ORDER.indexOf(a.relationship) - RELATIONSHIP_ORDER.indexOf(b.relationship);
}

/**
 * One page of the Étudiants list in the chosen order (by name unless told otherwise): students
 * matching the search themselves, then those found only through a parent. A page past the end shows
 * the last one.
 */
export async function findStudents(staff: StaffContext, query: TStudentListQuery, run: SqlRunner = prismaRunner): Promise<StudentListPage> {
  const now = new Date();
  const words = searchTokens(query.query);
  const cap = resultCap(words);
  const { pageSize } = query;
  const parts = await countParts(run, staff, query, words, cap, now);
  const counted = parts.reduce((sum, part) => sum + part.total, 0);
  const total = Math.min(counted, cap);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pageCount);
  const read = await readParts(run, parts, query, (page - 1) * pageSize, Math.min(pageSize, total - (page - 1) * pageSize));
  // The page's parents in one statement: their access for every row, their name for those found through them.
  const parents = await parentsOf(run, read.map(({ record }) => record.id));
  const rows = read.map(({ record, side }) => {
    const own = parents.get(record.id) ?? [];
    return toRow(record, own, now, side === "family" ? matchingGuardian(own, words) : undefined);
  });
  return { rows, total, totalCapped: counted > cap, page, pageSize, pageCount };
}

/** A run of the list in order: one side of a search, or one access state of it; counted under the cap. */
type ListPart = { source: ListSource; side: SearchSide; total: number; fewMatches: boolean };

/**
 * The list state cut into runs that follow each other in its order, each counted (together no further
 * than one past the cap). Each side of a search is counted first; one counted under the cap is then
 * read and sorted rather than walked in order (ListSource.fewMatches). The access order has no index:
 * a list walks one state after the other, each in name order on the Accès filter's index.
 */
async function countParts(run: SqlRunner, staff: StaffContext, query: TStudentListQuery, words: string[], cap: number, now: Date) {
  const order = listOrder(query);
  const byState = () =>
    stateOrder(order.direction).map((access) => listSource(staff, { ...query, access }, words, "own", now, { ...order, by: "name" }));
  const count = (source: ListSource, upTo: number) => countStudentsUpTo(run, source, upTo);
  if (order.by === "accessRank" && !words.length) return countInTurn(byState(), "own", cap + 1, count);
  const [own] = await countInTurn([listSource(staff, query, words, "own", now, order)], "own", cap + 1, count);
  // Few students by class (a filter, a small school): read then sorted rather than walked among all.
  if (!words.length) return [{ ...own, fewMatches: order.by === "class" && own.total <= SEARCH_RESULT_CAP }];
  if (own.total > cap && order.by === "accessRank") {
    // Too many to read and sort: walked state by state, each state's matches counted in one pass.
    const counts = await countByFirstKey(run, own.source);
    const rank = (index: number) => (order.direction === "asc" ? index : ACCESS_SORT_ORDER.length - 1 - index);
    return countInTurn(byState(), "own", cap + 1, async (_, upTo, index) => Math.min(counts.get(rank(index)) ?? 0, upTo + 1));
  }
  if (own.total > cap) return [own];
  const family = await countInTurn([listSource(staff, query, words, "family", now, order)], "family", cap + 1 - own.total, count);
  return [own, ...family].map((part) => ({ ...part, fewMatches: true }));
}

/** Counts each source in turn (`count` stops one past `upTo`), together no further than `budget` students. */
async function countInTurn(
  sources: ListSource[],
  side: SearchSide,
  budget: number,
  count: (source: ListSource, upTo: number, index: number) => Promise<number>,
): Promise<ListPart[]> {
  const parts: ListPart[] = [];
  for (const [index, source] of sources.entries()) {
    const total = budget > 0 ? await count(source, budget - 1, index) : 0;
    budget -= total;
    parts.push({ source, side, total, fewMatches: false });
  }
  return parts;
}

/** The SQL order of a list state. By class within one class, or by access within one state, is by name. */
function listOrder(query: TStudentListQuery): ListOrder {
  const { sort, direction } = query;
  if (sort === "class" && !query.classId) return { by: "class", direction };
  if (sort === "access" && !query.access) return { by: "accessRank", direction };
  return { by: "name", direction };
}

const stateOrder = (direction: TSortDirection) => (direction === "asc" ? ACCESS_SORT_ORDER : [...ACCESS_SORT_ORDER].reverse());

/** The rows from `offset` to `offset + limit` of the parts laid end to end, with the side each comes from. */
async function readParts(run: SqlRunner, parts: ListPart[], query: ListCriteria, offset: number, limit: number) {
  const read: { record: ListRowRecord; side: SearchSide }[] = [];
  for (const part of parts) {
    if (read.length >= limit) break;
    if (offset >= part.total) {
      offset -= part.total;
      continue;
    }
    const take = Math.min(limit - read.length, part.total - offset);
    const fewMatches = part.fewMatches || readsManyParents(query, offset + take, part.total);
    const records = await listRows(run, { ...part.source, fewMatches }, take, offset);
    read.push(...records.map((record) => ({ record, side: part.side })));
    offset = 0;
  }
  return read;
}

/**
 * Whether a page of the « Accès des parents » filter is better read whole then sorted: walking the
 * list order checks each student's parents, and reaching the page's last row reads about
 * (offset + limit) / total of the students; past a fifth of them, finding every match at once (a set
 * on SQLite, a hashed semi-join on PostgreSQL) and sorting them costs less.
 */
function readsManyParents(query: ListCriteria, end: number, total: number): boolean {
  return !!query.parentAccess && end * 5 > total;
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

/** Ids of the students matching a list state (search and filters), in list order, at most `limit`. */
export async function findStudentIds(staff: StaffContext, criteria: ListCriteria, limit: number): Promise<string[]> {
  const now = new Date();
  const words = searchTokens(criteria.query);
  const ids = await listIds(listSource(staff, criteria, words, "own", now), limit);
  if (words.length && ids.length < limit) ids.push(...(await listIds(listSource(staff, criteria, words, "family", now), limit - ids.length)));
  return ids;
}

export type GuardianSummary = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  /** The language of the emails the parent receives. */
  locale: Locale;
  phone: string | null;
  relationship: string;
  accessState: AccessState;
  /** Others registered with the same address (see shared-emails.ts). */
  sharedWith: AddressSharer[];
  /**
   * The parent's other children that the staff member may see (their one portal access serves every
   * child: « Aussi parent de … », and disabling it ends it for all of them).
   */
  otherChildren: ChildSummary[];
};

/** A child named on a sibling's page, linking to their profile. */
export type ChildSummary = { id: string; firstName: string; lastName: string };

export type StudentDetails = {
  id: string;
  studentNumber: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  photoUrl: string | null;
  email: string | null;
  /** The language of the emails the student receives. */
  locale: Locale;
  phone: string | null;
  /** timeZone: the school's clock, on which its pages and emails write dates. */
  school: { id: string; name: string; timeZone: string };
  program: { id: string; name: string };
  className: string;
  schoolYear: string;
  accessState: AccessState;
  sharedWith: AddressSharer[];
  guardians: GuardianSummary[];
};

const accessColumns = { enabled: true, passwordHash: true, disabledAt: true, linkExpiresAt: true } as const;


/** A student with their parents, or null when unknown or outside the staff member's schools (cached per request). */
export const getStudentDetails = cache(async function getStudentDetails(
  staff: StaffContext,
  studentId: string,
): Promise<StudentDetails | null> {
  const student = await getDb().student.findFirst({
    where: { AND: [{ id: studentId }, visibleStudentsWhere(staff)] },
    include: {
      school: { select: { id: true, name: true, timeZone: true } },
      program: { select: { id: true, name: true } },
      schoolClass: { select: { name: true } },
      schoolYear: { select: { label: true } },
      access: { select: accessColumns },
      guardians: {
        include: {
          guardian: {
            include: {
              access: { select: accessColumns },
              students: {
                where: { studentId: { not: studentId }, student: visibleStudentsWhere(staff) },
                select: { student: { select: { id: true, firstName: true, lastName: true } } },
                orderBy: [{ student: { lastName: "asc" } }, { student: { firstName: "asc" } }],
              },
            },
          },
        },
      },
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
      locale: toLocale(guardian.locale),
      phone: guardian.phone,
      relationship,
      accessState: accessState(guardian.access),
      sharedWith: sharers.get(`guardian:${guardian.id}`) ?? [],
      otherChildren: guardian.students.map(({ student: child }) => child),
    }))
    .sort(byRelationship);
  return {
    id: student.id,
    studentNumber: student.studentNumber,
    firstName: student.firstName,
    lastName: student.lastName,
    birthDate: student.birthDate.toISOString(),
    photoUrl: student.photoUrl,
    email: student.email,
    locale: toLocale(student.locale),
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
