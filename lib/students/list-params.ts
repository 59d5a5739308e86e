// The Étudiants list's URL: its parameters and how a list state is written into it. Pure and without
// zod, for the client components that build links; lib/validation/students.ts reads it back. The
// French words of the URL live here and in that reader only: everything past them holds typed values.
import type { AccessState } from "@/lib/access/state";
import type { TStudentListCriteria, TStudentListQuery } from "@/lib/validation/students";

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
/** Longest search the list takes: the box stops there, the URL reader drops a longer one. */
export const QUERY_MAX_LENGTH = 200;

export const EMAIL_FILTERS = ["present", "missing"] as const;
export type TEmailFilter = (typeof EMAIL_FILTERS)[number];

/** URL values of the list's "Email" filter (French, since users see and share these URLs). */
export const EMAIL_FILTER_VALUES: Record<TEmailFilter, string> = { present: "renseigne", missing: "manquant" };

/** URL values of the list's "Accès" filter. */
export const ACCESS_FILTER_VALUES: Record<AccessState, string> = {
  none: "aucun",
  invited: "invitation",
  expired: "lien-expire",
  active: "actif",
  disabled: "desactive",
};

/**
 * The list's « Accès des parents » filter: students by their parents' portal accesses (a parent's
 * state as lib/access/state.ts derives it). The list lists students, so each value is about a
 * student's parents: « Aucun parent actif » (no parent active, students without a registered parent
 * included: nobody of the family can sign in), « Au moins un parent actif », « Tous les parents
 * actifs » (at least one parent, every one active), « Invitation en attente » (at least one parent
 * invited, link still valid) and « Lien expiré » (at least one parent whose link expired before they
 * chose a password). The first two split the students in two.
 */
export const PARENT_ACCESS_FILTERS = ["noneActive", "someActive", "allActive", "invited", "expired"] as const;
export type TParentAccessFilter = (typeof PARENT_ACCESS_FILTERS)[number];

/** URL values of the list's « Accès des parents » filter. */
export const PARENT_ACCESS_FILTER_VALUES: Record<TParentAccessFilter, string> = {
  noneActive: "aucun-actif",
  someActive: "au-moins-un-actif",
  allActive: "tous-actifs",
  invited: "invitation",
  expired: "lien-expire",
};

/**
 * The orders the list offers: by name (last then first, the default), by class (its name, then by
 * name), by access state (none → invited → expired → active → disabled: those who still need
 * something from staff first, then those who are in, and last those shut out on purpose; then by
 * name). « Décroissant » reverses the whole order, names included: each order is an index walked one
 * way or the other (docs/decisions/007-list-search.md).
 */
export const LIST_SORTS = ["name", "class", "access"] as const;
/** The access order, first to last. */
export const ACCESS_SORT_ORDER: readonly AccessState[] = ["none", "invited", "expired", "active", "disabled"];
export type TListSort = (typeof LIST_SORTS)[number];
export const DEFAULT_SORT: TListSort = "name";

/** URL values of the list's order (« ?tri=classe »); the default, by name, is not written. */
export const SORT_VALUES: Record<TListSort, string> = { name: "nom", class: "classe", access: "acces" };

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type TSortDirection = (typeof SORT_DIRECTIONS)[number];
export const DEFAULT_DIRECTION: TSortDirection = "asc";

/** URL values of the order's direction (« ?ordre=desc »); ascending is not written. */
export const DIRECTION_VALUES: Record<TSortDirection, string> = { asc: "asc", desc: "desc" };

/** Query-string keys of the Étudiants list (French, since users see and share these URLs). */
export const LIST_PARAMS = {
  query: "q",
  schoolId: "ecole",
  programId: "formation",
  classId: "classe",
  schoolYearId: "annee",
  email: "email",
  access: "acces",
  parentAccess: "acces-parents",
  sort: "tri",
  direction: "ordre",
  page: "page",
  pageSize: "taille",
} as const;

/**
 * What picks a list state's students: its search and filters, without the page or the order. A row
 * selection lasts as long as these do, and a bulk send by query carries them.
 */
export function listCriteria({
  page: _page,
  pageSize: _pageSize,
  sort: _sort,
  direction: _direction,
  ...criteria
}: TStudentListQuery): TStudentListCriteria {
  return criteria;
}

/** The query string of a list state, without defaults, so shared URLs stay short. */
export function studentListSearchParams(query: Partial<TStudentListQuery>): URLSearchParams {
  const params = new URLSearchParams();
  const entries: [keyof typeof LIST_PARAMS, string | number | undefined][] = [
    ["query", query.query?.trim() || undefined],
    ["schoolId", query.schoolId],
    ["programId", query.programId],
    ["classId", query.classId],
    ["schoolYearId", query.schoolYearId],
    ["email", query.email ? EMAIL_FILTER_VALUES[query.email] : undefined],
    ["access", query.access ? ACCESS_FILTER_VALUES[query.access] : undefined],
    ["parentAccess", query.parentAccess ? PARENT_ACCESS_FILTER_VALUES[query.parentAccess] : undefined],
    ["sort", query.sort && query.sort !== DEFAULT_SORT ? SORT_VALUES[query.sort] : undefined],
    ["direction", query.direction && query.direction !== DEFAULT_DIRECTION ? DIRECTION_VALUES[query.direction] : undefined],
    ["page", query.page && query.page > 1 ? query.page : undefined],
    ["pageSize", query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE ? query.pageSize : undefined],
  ];
  for (const [key, value] of entries) if (value !== undefined) params.set(LIST_PARAMS[key], String(value));
  return params;
}
