import { z } from "zod";
import { ACCESS_FILTER_VALUES, ACCESS_STATES, type AccessState } from "@/lib/access/state";
import { ZId } from "./ids";

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export const EMAIL_FILTERS = ["renseigne", "manquant"] as const;
export type TEmailFilter = (typeof EMAIL_FILTERS)[number];

/** Query-string keys of the Étudiants list (French, since users see and share these URLs). */
export const LIST_PARAMS = {
  query: "q",
  schoolId: "ecole",
  programId: "formation",
  classId: "classe",
  schoolYearId: "annee",
  email: "email",
  access: "acces",
  page: "page",
  pageSize: "taille",
} as const;

const optionalId = ZId.optional().catch(undefined);

/**
 * The Étudiants list state read from the URL. A hand-edited or stale URL never breaks the page:
 * each bad value falls back to its default.
 */
export const ZStudentListQuery = z.object({
  query: z.string().max(200).catch("").default(""),
  schoolId: optionalId,
  programId: optionalId,
  classId: optionalId,
  schoolYearId: optionalId,
  email: z.enum(EMAIL_FILTERS).optional().catch(undefined),
  access: z
    .string()
    .optional()
    .transform((value) => ACCESS_STATES.find((state) => ACCESS_FILTER_VALUES[state] === value))
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
  pageSize: z.coerce
    .number()
    .refine((size) => (PAGE_SIZES as readonly number[]).includes(size))
    .catch(DEFAULT_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE),
});

export type TStudentListQuery = z.infer<typeof ZStudentListQuery>;

type RawSearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseStudentListQuery(searchParams: RawSearchParams): TStudentListQuery {
  const raw = Object.fromEntries(
    Object.entries(LIST_PARAMS).map(([key, param]) => [key, first(searchParams[param]) || undefined]),
  );
  return ZStudentListQuery.parse(raw);
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
    ["email", query.email],
    ["access", query.access ? ACCESS_FILTER_VALUES[query.access as AccessState] : undefined],
    ["page", query.page && query.page > 1 ? query.page : undefined],
    ["pageSize", query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE ? query.pageSize : undefined],
  ];
  for (const [key, value] of entries) if (value !== undefined) params.set(LIST_PARAMS[key], String(value));
  return params;
}

export const ZStudentPreviewInput = z.object({ studentId: ZId });
export type TStudentPreviewInput = z.infer<typeof ZStudentPreviewInput>;
