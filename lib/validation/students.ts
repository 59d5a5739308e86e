import { z } from "zod";
import { ACCESS_FILTER_VALUES, ACCESS_STATES } from "@/lib/access/state";
import { DEFAULT_PAGE_SIZE, EMAIL_FILTERS, LIST_PARAMS, PAGE_SIZES } from "@/lib/students/list-params";
import { ZId } from "./ids";

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

export const ZStudentPreviewInput = z.object({ studentId: ZId });
export type TStudentPreviewInput = z.infer<typeof ZStudentPreviewInput>;
