import "server-only";
import { getDb, getDbProvider } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { AccessState } from "@/lib/access/state";
import type { StaffContext } from "@/lib/rights";
import { ACCESS_SORT_ORDER, type TParentAccessFilter, type TSortDirection } from "@/lib/students/list-params";
import type { TStudentListCriteria } from "@/lib/validation/students";
import { visibleStudentsSql } from "./scope";

// The Étudiants list in SQL, written by hand because the query builder cannot reach the search
// indexes: FTS5 trigram on SQLite, pg_trgm on PostgreSQL (docs/decisions/007-list-search.md). Every
// statement is bounded: pages stop at resultCap() rows and counts stop one row after it.

/** How many students a list state can count and page through; beyond, the staff member narrows it. */
export const LIST_RESULT_CAP = 10_000;
/**
 * The same for a search. A common word matches many students (a first name, 16,000 of a million) and
 * counting each costs a visit to its row on PostgreSQL; beyond a thousand, the count says « plus de
 * 1 000 » and the staff member adds a word.
 */
export const SEARCH_RESULT_CAP = 1_000;

/** How far a list state counts and pages: further without a search, whose counts walk an index. */
export function resultCap(words: string[]): number {
  return words.length ? SEARCH_RESULT_CAP : LIST_RESULT_CAP;
}

/** Shortest word the trigram indexes can answer; shorter words are checked on the rows found. */
const TRIGRAM = 3;
/** Longest part of a word the trigram indexes are asked for (see indexTerm). */
const INDEX_WINDOW = 12;

export type ListCriteria = TStudentListCriteria;

/** Which text a search is matched against: the student's own, or (only) their parents'. */
export type SearchSide = "own" | "family";

/** Columns of a list row, straight from the Student row and its school, program and class. */
export type ListRowRecord = {
  id: string;
  studentNumber: string;
  firstName: string;
  lastName: string;
  photoUrl: string | null;
  email: string | null;
  schoolName: string;
  programName: string;
  className: string;
  accessPhase: string;
  accessLinkExpiresAt: Date | string | null;
};

const OWN_TEXT = Prisma.raw(`s."searchText"`);
const FAMILY_TEXT = Prisma.raw(`s."guardianSearchText"`);

function dialect() {
  const provider = getDbProvider();
  return {
    provider,
    // SQLite keeps Prisma's DateTime as ISO text with an offset; compared as text, it must be written the same way.
    timestamp: (date: Date) => (provider === "sqlite" ? date.toISOString().replace("Z", "+00:00") : date),
    boolean: (value: boolean) => Prisma.raw(provider === "sqlite" ? (value ? "1" : "0") : String(value)),
    /** A check on rows already found (no index): does the text hold the word? */
    contains: (column: Prisma.Sql, word: string) =>
      provider === "sqlite" ? Prisma.sql`instr(${column}, ${word}) > 0` : Prisma.sql`strpos(${column}, ${word}) > 0`,
  };
}

/**
 * How a list state's students are ordered: by name (the sort key), by class then name, or by access
 * state then name. All keys go one way, so each order is one index walked forwards or backwards; the
 * access order has no index of its own (invited and expired part with the clock) and is used as such
 * only on students read then sorted (few matches): otherwise lib/data/students.ts walks one state
 * after the other, each in name order.
 */
export type ListOrder = { by: "name" | "class" | "accessRank"; direction: TSortDirection };
export const NAME_ORDER: ListOrder = { by: "name", direction: "asc" };

/**
 * A Student column in a filter. `checked`: for SQLite to check it on the rows it walks in order
 * rather than look it up in the column's own index (a unary +, which changes nothing else).
 */
function column(name: string, checked = false): Prisma.Sql {
  return Prisma.raw(`${checked ? "+" : ""}s."${name}"`);
}

function accessStateSql(state: AccessState, now: Date, phase = column("accessPhase")): Prisma.Sql {
  const { timestamp } = dialect();
  switch (state) {
    case "none":
    case "active":
    case "disabled":
      return Prisma.sql`${phase} = ${state}`;
    case "invited":
      return Prisma.sql`${phase} = 'pending' AND s."accessLinkExpiresAt" > ${timestamp(now)}`;
    case "expired":
      return Prisma.sql`${phase} = 'pending' AND (s."accessLinkExpiresAt" IS NULL OR s."accessLinkExpiresAt" <= ${timestamp(now)})`;
  }
}

/** A student's place in the access order (ACCESS_SORT_ORDER), from the same conditions as the Accès filter. */
function accessRankSql(now: Date): Prisma.Sql {
  const ranks = ACCESS_SORT_ORDER.map((state, rank) => Prisma.sql`WHEN ${accessStateSql(state, now)} THEN ${Prisma.raw(String(rank))}`);
  return Prisma.sql`CASE ${Prisma.join(ranks, " ")} END`;
}

function orderKeys(order: ListOrder, sortKey: Prisma.Sql, now: Date): Prisma.Sql[] {
  switch (order.by) {
    case "name":
      return [sortKey];
    case "class":
      return [Prisma.raw(`s."classSortKey"`), sortKey];
    case "accessRank":
      return [accessRankSql(now), sortKey];
  }
}

/**
 * How a parents' condition is checked, on the copies each StudentGuardian row keeps of its parent's
 * access phase (decision 015). "each": for each student, EXISTS over their links (primary key led by
 * studentId): cheap when the statement stops early (a page walked in list order) or the students are
 * few (a class, a search). "set" (SQLite only): the students having such a parent are found once, in
 * one pass over the links, and each student is checked against that set: what a count over whole
 * schools needs (SQLite would otherwise run the correlated subquery for every student).
 * PostgreSQL's planner turns EXISTS into a hashed semi-join by itself.
 */
export type ParentCheck = "each" | "set";

/**
 * The « Accès des parents » filter (its meaning: lib/students/list-params.ts; the choices:
 * docs/decisions/017-parents-on-the-list.md). A link's `guardianPhase` is its parent's access phase
 * as `accessPhase` is the student's: "pending" is an invitation until its link expires, then « Lien
 * expiré »; the same rules as lib/access/state.ts's accessState.
 */
function parentAccessSql(filter: TParentAccessFilter, now: Date, check: ParentCheck): Prisma.Sql {
  const { timestamp } = dialect();
  const withParent = (condition: Prisma.Sql) =>
    check === "set"
      ? // The unary + keeps SQLite from reading Student by id for each child found: it walks its index and checks the set.
        Prisma.sql`+s."id" IN (SELECT sg."studentId" FROM "StudentGuardian" sg WHERE ${condition})`
      : Prisma.sql`EXISTS (SELECT 1 FROM "StudentGuardian" sg WHERE sg."studentId" = s."id" AND ${condition})`;
  const active = Prisma.sql`sg."guardianPhase" = 'active'`;
  switch (filter) {
    case "someActive":
      return withParent(active);
    case "noneActive":
      return Prisma.sql`NOT (${withParent(active)})`;
    case "allActive":
      // At least one active parent, and none in another phase.
      return Prisma.sql`${withParent(active)} AND NOT (${withParent(Prisma.sql`sg."guardianPhase" <> 'active'`)})`;
    case "invited":
      return withParent(Prisma.sql`sg."guardianPhase" = 'pending' AND sg."guardianLinkExpiresAt" > ${timestamp(now)}`);
    case "expired":
      return withParent(
        Prisma.sql`sg."guardianPhase" = 'pending' AND (sg."guardianLinkExpiresAt" IS NULL OR sg."guardianLinkExpiresAt" <= ${timestamp(now)})`,
      );
  }
}

/**
 * Where a list state's students come from, and how they are filtered and ordered: usually the Student
 * table. For a search on SQLite, the FTS5 index joined to "StudentSearchRow" (school and sort key by
 * integer key), and to Student only when a filter or a short word needs its columns.
 */
export type ListSource = {
  from: Prisma.Sql;
  where: Prisma.Sql;
  id: Prisma.Sql;
  /** What the students are ordered by (then by id), all in `direction`. */
  keys: Prisma.Sql[];
  direction: TSortDirection;
  /**
   * Known to match few students (counted under the cap): they are found first, then sorted. Otherwise
   * the database may walk the list order and check each student, which only pays when matches are
   * dense; when they are rare and late in the order (« le goff » in one class of a million students:
   * 41,000 rows read for 25), the walk is the slow way.
   */
  fewMatches?: boolean;
  /**
   * The same students as `where`, written for a statement that reads them all (the count, or a page
   * of fewMatches, read then sorted): see ParentCheck.
   */
  setWhere?: Prisma.Sql;
};

const FROM_STUDENT = Prisma.raw(`"Student" s`);
const FROM_INDEX = Prisma.raw(`"StudentSearch" f JOIN "StudentSearchRow" k ON k."key" = f."rowid"`);
const FROM_INDEX_AND_STUDENT = Prisma.raw(`${FROM_INDEX.sql} JOIN "Student" s ON s."id" = k."studentId"`);

function hasFilters(criteria: ListCriteria): boolean {
  const { schoolId, programId, classId, schoolYearId, email, access, parentAccess } = criteria;
  return !!(schoolId || programId || classId || schoolYearId || email || access || parentAccess);
}

/** The filters' conditions; `checked`: each column checked on walked rows (see column()). */
function filterConditions(criteria: ListCriteria, now: Date, parentCheck: ParentCheck = "each", checked = false): Prisma.Sql[] {
  const { boolean } = dialect();
  const conditions: Prisma.Sql[] = [];
  const equals = (name: string, value: unknown) => Prisma.sql`${column(name, checked)} = ${value}`;
  if (criteria.schoolId) conditions.push(equals("schoolId", criteria.schoolId));
  if (criteria.programId) conditions.push(equals("programId", criteria.programId));
  if (criteria.classId) conditions.push(equals("classId", criteria.classId));
  if (criteria.schoolYearId) conditions.push(equals("schoolYearId", criteria.schoolYearId));
  if (criteria.email) conditions.push(equals("hasEmail", boolean(criteria.email === "present")));
  if (criteria.access) conditions.push(accessStateSql(criteria.access, now, column("accessPhase", checked)));
  if (criteria.parentAccess) conditions.push(parentAccessSql(criteria.parentAccess, now, parentCheck));
  return conditions;
}

function ftsPhrases(terms: string[]): string {
  return `(${terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(" AND ")})`;
}

/**
 * The part of a word the trigram index is asked for. A long word is looked up by a window of it,
 * the one with the most digits (« jules.belanger.274912@eleves.sesame.test » by « anger.274912 »): every email of
 * a school ends alike, and the index would otherwise read the long lists of those common trigrams
 * (105 → 13 ms for an email at 1,000,000 students on PostgreSQL). The whole word is then checked on
 * the rows found. Words too short for a trigram are only checked.
 */
export function indexTerm(word: string): string | null {
  if (word.length < TRIGRAM) return null;
  if (word.length <= INDEX_WINDOW) return word;
  let best = 0;
  let bestDigits = -1;
  for (let start = 0; start + INDEX_WINDOW <= word.length; start += 1) {
    const digits = word.slice(start, start + INDEX_WINDOW).replace(/\D/g, "").length;
    if (digits > bestDigits) [best, bestDigits] = [start, digits];
  }
  return word.slice(best, best + INDEX_WINDOW);
}

/**
 * The students of one side of a list state: the staff member's schools, the filters, and every word
 * of the search in their own text ("own"), or in their parents' text but not their own ("family").
 */
export function listSource(
  staff: StaffContext,
  criteria: ListCriteria,
  words: string[],
  side: SearchSide,
  now: Date,
  order: ListOrder = NAME_ORDER,
): ListSource {
  const { provider, contains } = dialect();
  const terms = words.map((word) => ({ word, term: indexTerm(word) }));
  const indexed = terms.flatMap(({ term }) => (term ? [term] : []));
  // Words the index does not answer exactly (too short, or looked up by a window) are checked on the rows.
  const checked = terms.filter(({ word, term }) => term !== word).map(({ word }) => word);
  const viaFts = provider === "sqlite" && indexed.length > 0;
  // The family side leaves out students matching on their own; FTS5 says so itself when it answers every word exactly.
  const exclusionInIndex = viaFts && side === "family" && !checked.length;
  const inSide = (word: string) => contains(side === "own" ? OWN_TEXT : FAMILY_TEXT, word);
  // Ordered by class, SQLite may find the students of some schools or of a filter on that column's
  // index, then sort them all; the class index carries the school and every filter's column, so it
  // walks that index and checks each row (the count still uses the other indexes: setWhere).
  const walksClassIndex = provider === "sqlite" && !viaFts && order.by === "class";

  const conditions = [
    visibleStudentsSql(staff, viaFts ? Prisma.raw(`k."schoolId"`) : column("schoolId", walksClassIndex)),
    ...filterConditions(criteria, now, "each", walksClassIndex),
  ];
  if (viaFts) {
    const match = exclusionInIndex ? `family : ${ftsPhrases(indexed)} NOT own : ${ftsPhrases(indexed)}` : `${side} : ${ftsPhrases(indexed)}`;
    conditions.push(Prisma.sql`"StudentSearch" MATCH ${match}`);
  } else if (provider === "postgres") {
    // LIKE '%term%' is what pg_trgm's GIN indexes answer.
    const like = (column: Prisma.Sql, term: string) => Prisma.sql`${column} LIKE ${`%${term}%`}`;
    for (const term of indexed) conditions.push(like(side === "own" ? OWN_TEXT : FAMILY_TEXT, term));
  }
  conditions.push(...(provider === "sqlite" && !viaFts ? words : checked).map(inSide));
  if (side === "family" && words.length && !exclusionInIndex) {
    conditions.push(Prisma.sql`NOT (${Prisma.join(words.map((word) => contains(OWN_TEXT, word)), " AND ")})`);
  }
  const where = Prisma.join(conditions, " AND ");
  if (!viaFts) {
    // A count over whole schools checks the parents against a set (ParentCheck); a class or a search is few students.
    const parentSet = provider === "sqlite" && !!criteria.parentAccess && !words.length && !criteria.classId;
    const setWhere =
      parentSet || walksClassIndex
        ? Prisma.join([visibleStudentsSql(staff, Prisma.raw(`s."schoolId"`)), ...filterConditions(criteria, now, parentSet ? "set" : "each")], " AND ")
        : undefined;
    const keys = orderKeys(order, Prisma.raw(`s."sortKey"`), now);
    return { from: FROM_STUDENT, where, setWhere, id: Prisma.raw(`s."id"`), keys, direction: order.direction };
  }
  const needsStudent = hasFilters(criteria) || checked.length > 0 || (side === "family" && !exclusionInIndex) || order.by !== "name";
  return {
    from: needsStudent ? FROM_INDEX_AND_STUDENT : FROM_INDEX,
    where,
    id: Prisma.raw(`k."studentId"`),
    keys: orderKeys(order, Prisma.raw(`k."sortKey"`), now),
    direction: order.direction,
  };
}

/** Counts matching students, no further than `cap + 1` so that a broad list stays cheap. */
function countSql(source: ListSource, cap: number): Prisma.Sql {
  return Prisma.sql`SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM ${source.from} WHERE ${source.setWhere ?? source.where} LIMIT ${cap + 1}) "matched"`;
}

/** The page's key columns, named k0, k1… so the outer statement can order by them. */
const keyColumn = (index: number) => Prisma.raw(`"k${index}"`);
const directionOf = (source: ListSource) => Prisma.raw(source.direction === "desc" ? "DESC" : "ASC");

function pageSql(source: ListSource, limit: number, offset: number): Prisma.Sql {
  const direction = directionOf(source);
  // An expression of the first key (same value, same collation) is an order no index provides.
  const order = source.keys.map((key, index) => (index === 0 && source.fewMatches ? Prisma.sql`${key} || ''` : key));
  const where = source.fewMatches ? (source.setWhere ?? source.where) : source.where;
  return Prisma.sql`SELECT ${source.id} AS "id", ${Prisma.join(source.keys.map((key, index) => Prisma.sql`${key} AS ${keyColumn(index)}`))}
    FROM ${source.from} WHERE ${where}
    ORDER BY ${Prisma.join(order.map((key) => Prisma.sql`${key} ${direction}`))}, ${source.id} ${direction} LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * One page of matching students in list order, with what a row of the list shows. The outer order
 * names the page's columns: ordered by the Student row's, SQLite would walk the whole table to avoid
 * sorting 25 rows.
 */
function rowsSql(source: ListSource, limit: number, offset: number): Prisma.Sql {
  const direction = directionOf(source);
  return Prisma.sql`
    SELECT s."id", s."studentNumber", s."firstName", s."lastName", s."photoUrl", s."email",
      sc."name" AS "schoolName", p."name" AS "programName", c."name" AS "className",
      s."accessPhase", s."accessLinkExpiresAt"
    FROM (${pageSql(source, limit, offset)}) "page"
    JOIN "Student" s ON s."id" = "page"."id"
    JOIN "School" sc ON sc."id" = s."schoolId"
    JOIN "Program" p ON p."id" = s."programId"
    JOIN "SchoolClass" c ON c."id" = s."classId"
    ORDER BY ${Prisma.join([...source.keys.map((_, index) => keyColumn(index)), Prisma.raw(`"id"`)].map((column) => Prisma.sql`"page".${column} ${direction}`))}`;
}

/** Runs one statement and returns its rows: Prisma for the app, the bare driver for the benchmark's floor. */
export type SqlRunner = <T>(sql: Prisma.Sql) => Promise<T[]>;

export const prismaRunner: SqlRunner = (sql) => getDb().$queryRaw(sql);

export async function countStudentsUpTo(run: SqlRunner, source: ListSource, cap: number): Promise<number> {
  const [row] = await run<{ n: bigint | number | string }>(countSql(source, cap));
  return Number(row.n);
}

/** How many students have each value of the source's first key (the access order's ranks), in one pass over them all. */
export async function countByFirstKey(run: SqlRunner, source: ListSource): Promise<Map<number, number>> {
  const rows = await run<{ key: bigint | number | string; n: bigint | number | string }>(
    Prisma.sql`SELECT ${source.keys[0]} AS "key", COUNT(*) AS "n" FROM ${source.from} WHERE ${source.where} GROUP BY 1`,
  );
  return new Map(rows.map((row) => [Number(row.key), Number(row.n)]));
}

export async function listRows(run: SqlRunner, source: ListSource, limit: number, offset: number): Promise<ListRowRecord[]> {
  return limit > 0 ? run<ListRowRecord>(rowsSql(source, limit, offset)) : [];
}

/** A parent of a listed student: their name, the text a search is matched against, and their access phase (a link's copy). */
export type ListParentRecord = {
  studentId: string;
  guardianId: string;
  firstName: string;
  lastName: string;
  relationship: string;
  searchText: string;
  guardianPhase: string;
  guardianLinkExpiresAt: Date | string | null;
};

/** The parents of some students (a page of the list, in one statement), in a stable order, with their access phase. */
export async function parentsOf(run: SqlRunner, studentIds: string[]): Promise<Map<string, ListParentRecord[]>> {
  const parents = studentIds.length
    ? await run<ListParentRecord>(Prisma.sql`
        SELECT sg."studentId", sg."guardianId", g."firstName", g."lastName", sg."relationship", g."searchText",
          sg."guardianPhase", sg."guardianLinkExpiresAt"
        FROM "StudentGuardian" sg JOIN "Guardian" g ON g."id" = sg."guardianId"
        WHERE sg."studentId" IN (${Prisma.join(studentIds)}) ORDER BY sg."guardianId"`)
    : [];
  const byStudent = new Map<string, ListParentRecord[]>();
  for (const parent of parents) byStudent.set(parent.studentId, [...(byStudent.get(parent.studentId) ?? []), parent]);
  return byStudent;
}

/** Ids of matching students in list order. */
export async function listIds(source: ListSource, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await getDb().$queryRaw<{ id: string }[]>(pageSql(source, limit, 0));
  return rows.map((row) => row.id);
}
