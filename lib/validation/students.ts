import { z } from "zod";
import { ACCESS_STATES } from "@/lib/access/state";
import {
  ACCESS_FILTER_VALUES,
  DEFAULT_DIRECTION,
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  DIRECTION_VALUES,
  EMAIL_FILTER_VALUES,
  EMAIL_FILTERS,
  LIST_PARAMS,
  PAGE_SIZES,
  PARENT_ACCESS_FILTER_VALUES,
  PARENT_ACCESS_FILTERS,
  QUERY_MAX_LENGTH,
  SORT_DIRECTIONS,
  SORT_VALUES,
  LIST_SORTS,
} from "@/lib/students/list-params";
import { ZId } from "./ids";

const optionalId = ZId.optional().catch(undefined);

/** The URL word of a filter, as the typed value it stands for (undefined for an unknown word). */
function fromUrlWord<T extends string>(values: readonly T[], words: Record<T, string>) {
  return z
    .string()
    .optional()
    .transform((word) => values.find((value) => words[value] === word))
    .catch(undefined);
}

/** The same for a setting with a default (the order): an unknown or missing word is the default. */
function fromUrlWordOr<T extends string>(values: readonly T[], words: Record<T, string>, fallback: T) {
  return fromUrlWord(values, words).transform((value) => value ?? fallback);
}

/**
 * The Étudiants list state read from the URL. A hand-edited or stale URL never breaks the page:
 * each bad value falls back to its default. The filters' French URL words become typed values here.
 */
const ZStudentListQuery = z.object({
  query: z.string().max(QUERY_MAX_LENGTH).catch("").default(""),
  schoolId: optionalId,
  programId: optionalId,
  classId: optionalId,
  schoolYearId: optionalId,
  email: fromUrlWord(EMAIL_FILTERS, EMAIL_FILTER_VALUES),
  access: fromUrlWord(ACCESS_STATES, ACCESS_FILTER_VALUES),
  parentAccess: fromUrlWord(PARENT_ACCESS_FILTERS, PARENT_ACCESS_FILTER_VALUES),
  sort: fromUrlWordOr(LIST_SORTS, SORT_VALUES, DEFAULT_SORT),
  direction: fromUrlWordOr(SORT_DIRECTIONS, DIRECTION_VALUES, DEFAULT_DIRECTION),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
  pageSize: z.coerce
    .number()
    .refine((size) => (PAGE_SIZES as readonly number[]).includes(size))
    .catch(DEFAULT_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE),
});

export type TStudentListQuery = z.infer<typeof ZStudentListQuery>;

/**
 * A list state's search and filters as the app passes them on (a bulk send by query): typed values,
 * checked, not URL words; what the URL reader produces minus the page and the order.
 */
export const ZStudentListCriteria = z.object({
  query: z.string().max(QUERY_MAX_LENGTH).default(""),
  schoolId: ZId.optional(),
  programId: ZId.optional(),
  classId: ZId.optional(),
  schoolYearId: ZId.optional(),
  email: z.enum(EMAIL_FILTERS).optional(),
  access: z.enum(ACCESS_STATES).optional(),
  parentAccess: z.enum(PARENT_ACCESS_FILTERS).optional(),
});
export type TStudentListCriteria = z.infer<typeof ZStudentListCriteria>;

type RawSearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseStudentListQuery(searchParams: RawSearchParams): TStudentListQuery {
  const raw = Object.fromEntries(Object.entries(LIST_PARAMS).map(([key, param]) => [key, first(searchParams[param]) || undefined]));
  return ZStudentListQuery.parse(raw);
}

export const ZStudentPreviewInput = z.object({ studentId: ZId });
