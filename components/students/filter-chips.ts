import type { AccessState } from "@/lib/access/state";
import type { FilterOptions } from "@/lib/data/students";
import type { TParentAccessFilter } from "@/lib/students/list-params";
import type { TStudentListQuery } from "@/lib/validation/students";

export type FilterKey = "schoolId" | "programId" | "classId" | "schoolYearId" | "email" | "access" | "parentAccess";
/** A chip reads « name : value », or the value alone when it names its filter itself (« Email manquant »). */
export type FilterChip = { key: FilterKey; name?: string; value: string };

/** Every filter off (the search is kept). */
export const CLEARED_FILTERS = {
  schoolId: undefined,
  programId: undefined,
  classId: undefined,
  schoolYearId: undefined,
  email: undefined,
  access: undefined,
  parentAccess: undefined,
} satisfies Record<FilterKey, undefined>;

type Labels = {
  school: string;
  program: string;
  class: string;
  schoolYear: string;
  email: string;
  emailPresent: string;
  emailMissing: string;
  access: string;
  accessStates: Record<AccessState, string>;
  parentAccess: string;
  parentAccessValues: Record<TParentAccessFilter, string>;
};

/** The active filters as labelled chips; an id no longer among the options is still shown, as-is. */
export function activeFilterChips(query: TStudentListQuery, options: FilterOptions, labels: Labels): FilterChip[] {
  const chips: FilterChip[] = [];
  const nameOf = (items: { id: string; name?: string; label?: string }[], id: string) => {
    const item = items.find((candidate) => candidate.id === id);
    return item?.name ?? item?.label ?? id;
  };
  if (query.schoolId) chips.push({ key: "schoolId", name: labels.school, value: nameOf(options.schools, query.schoolId) });
  if (query.programId) chips.push({ key: "programId", name: labels.program, value: nameOf(options.programs, query.programId) });
  if (query.classId) chips.push({ key: "classId", name: labels.class, value: nameOf(options.classes, query.classId) });
  if (query.schoolYearId)
    chips.push({ key: "schoolYearId", name: labels.schoolYear, value: nameOf(options.schoolYears, query.schoolYearId) });
  if (query.email) chips.push({ key: "email", value: query.email === "present" ? labels.emailPresent : labels.emailMissing });
  if (query.access) chips.push({ key: "access", name: labels.access, value: labels.accessStates[query.access] });
  if (query.parentAccess)
    chips.push({ key: "parentAccess", name: labels.parentAccess, value: labels.parentAccessValues[query.parentAccess] });
  return chips;
}

/** Options of the dependent selects: programs of the chosen school, classes of the chosen program and year. */
export function narrowOptions(query: TStudentListQuery, options: FilterOptions) {
  const programs = query.schoolId ? options.programs.filter((program) => program.schoolId === query.schoolId) : options.programs;
  const programIds = new Set(programs.map((program) => program.id));
  const classes = options.classes.filter(
    (schoolClass) =>
      programIds.has(schoolClass.programId) &&
      (!query.programId || schoolClass.programId === query.programId) &&
      (!query.schoolYearId || schoolClass.schoolYearId === query.schoolYearId),
  );
  return { programs, classes };
}
