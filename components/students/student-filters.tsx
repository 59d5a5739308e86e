"use client";
import { SlidersHorizontal, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Popover, PopoverClose, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { ACCESS_STATES, type AccessState } from "@/lib/access/state";
import type { FilterOptions } from "@/lib/data/students";
import { EMAIL_FILTERS, type TEmailFilter } from "@/lib/students/list-params";
import { activeFilterChips, narrowOptions, type FilterChip } from "./filter-chips";
import { useStudentList } from "./list-navigation";

const CLEARED_FILTERS = {
  schoolId: undefined,
  programId: undefined,
  classId: undefined,
  schoolYearId: undefined,
  email: undefined,
  access: undefined,
};

function useChips(options: FilterOptions): FilterChip[] {
  const t = useTranslations("filters");
  const states = useAccessStateLabels();
  const { query } = useStudentList();
  return activeFilterChips(query, options, {
    school: t("school"),
    program: t("program"),
    class: t("class"),
    schoolYear: t("schoolYear"),
    email: t("email"),
    emailPresent: t("emailPresent"),
    emailMissing: t("emailMissing"),
    access: t("access"),
    accessStates: states,
  });
}

function useAccessStateLabels(): Record<AccessState, string> {
  const t = useTranslations("access.states");
  return Object.fromEntries(ACCESS_STATES.map((state) => [state, t(state)])) as Record<AccessState, string>;
}

/** The "Filtres" button and its panel: each choice applies at once. */
export function StudentFilters({ options }: { options: FilterOptions }) {
  const t = useTranslations("filters");
  const { query, navigate } = useStudentList();
  const chips = useChips(options);
  const { programs, classes } = narrowOptions(query, options);
  const accessLabels = useAccessStateLabels();
  const yearLabel = (yearId: string) => options.schoolYears.find((year) => year.id === yearId)?.label ?? "";

  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="secondary">
          <SlidersHorizontal aria-hidden className="h-4 w-4" />
          {t("button")}
          {chips.length ? <Badge tone="info">{chips.length}</Badge> : null}
        </Button>
      </PopoverTrigger>
      <PopoverContent aria-label={t("title")}>
        <div className="flex items-center justify-between">
          <h2 className="text-base font-semibold">{t("title")}</h2>
          <PopoverClose className="rounded p-1 text-slate-600 hover:bg-slate-100" aria-label={t("close")}>
            <X aria-hidden className="h-4 w-4" />
          </PopoverClose>
        </div>
        <div className="mt-3 flex flex-col gap-3">
          <FilterSelect
            id="filter-school"
            label={t("school")}
            allLabel={t("allFeminine")}
            value={query.schoolId}
            options={options.schools.map((school) => ({ value: school.id, label: school.name }))}
            onChange={(schoolId) => navigate({ schoolId, programId: undefined, classId: undefined })}
          />
          <FilterSelect
            id="filter-program"
            label={t("program")}
            allLabel={t("allFeminine")}
            value={query.programId}
            options={programs.map((program) => ({ value: program.id, label: program.name }))}
            onChange={(programId) => navigate({ programId, classId: undefined })}
          />
          <FilterSelect
            id="filter-school-year"
            label={t("schoolYear")}
            allLabel={t("allFeminine")}
            value={query.schoolYearId}
            options={options.schoolYears.map((year) => ({ value: year.id, label: year.label }))}
            onChange={(schoolYearId) => navigate({ schoolYearId, classId: undefined })}
          />
          <FilterSelect
            id="filter-class"
            label={t("class")}
            allLabel={t("allFeminine")}
            value={query.classId}
            options={classes.map((schoolClass) => ({
              value: schoolClass.id,
              // Without a chosen year, classes of different years share names: say which year.
              label: query.schoolYearId ? schoolClass.name : `${schoolClass.name} (${yearLabel(schoolClass.schoolYearId)})`,
            }))}
            onChange={(classId) => navigate({ classId })}
          />
          <FilterSelect
            id="filter-email"
            label={t("email")}
            allLabel={t("all")}
            value={query.email}
            options={EMAIL_FILTERS.map((filter) => ({
              value: filter,
              label: filter === "renseigne" ? t("emailPresent") : t("emailMissing"),
            }))}
            onChange={(email) => navigate({ email: email as TEmailFilter | undefined })}
          />
          <FilterSelect
            id="filter-access"
            label={t("access")}
            allLabel={t("all")}
            value={query.access}
            options={ACCESS_STATES.map((state) => ({ value: state, label: accessLabels[state] }))}
            onChange={(access) => navigate({ access: access as AccessState | undefined })}
          />
          <Button variant="ghost" className="self-start" disabled={!chips.length} onClick={() => navigate(CLEARED_FILTERS)}>
            {t("reset")}
          </Button>
        </div>
      </PopoverContent>
    </Popover>
  );
}

function FilterSelect({
  id,
  label,
  allLabel,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  allLabel: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} value={value ?? ""} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

/** Active search and filters as removable chips, with "Réinitialiser" to clear them all. */
export function ActiveFilters({ options }: { options: FilterOptions }) {
  const t = useTranslations("filters");
  const { query, navigate } = useStudentList();
  const chips = useChips(options);
  const search = query.query.trim();
  if (!chips.length && !search) return null;
  const chipClass =
    "inline-flex items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 py-1 pr-1 pl-3 text-sm text-indigo-900";
  const removeClass = "rounded-full p-0.5 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-600";
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2" role="group" aria-label={t("active")}>
      {search ? (
        <span className={chipClass}>
          {t("searchChip", { value: search })}
          <button type="button" className={removeClass} aria-label={t("remove", { label: t("searchChip", { value: search }) })} onClick={() => navigate({ query: "" })}>
            <X aria-hidden className="h-3.5 w-3.5" />
          </button>
        </span>
      ) : null}
      {chips.map((chip) => {
        const label = t("chip", { name: chip.name, value: chip.value });
        return (
          <span key={chip.key} className={chipClass}>
            {label}
            <button type="button" className={removeClass} aria-label={t("remove", { label })} onClick={() => navigate({ [chip.key]: undefined })}>
              <X aria-hidden className="h-3.5 w-3.5" />
            </button>
          </span>
        );
      })}
      <Button variant="ghost" size="sm" onClick={() => navigate({ ...CLEARED_FILTERS, query: "" })}>
        {t("reset")}
      </Button>
    </div>
  );
}
