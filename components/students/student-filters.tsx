"use client";
import { SlidersHorizontal, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Popover, PopoverClose, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { FilterOptions } from "@/lib/data/students";
import { EMAIL_FILTERS, type TEmailFilter } from "@/lib/validation/students";
import { activeFilterChips, narrowOptions, type FilterChip } from "./filter-chips";
import { useStudentList } from "./list-navigation";

const CLEARED_FILTERS = {
  schoolId: undefined,
  programId: undefined,
  classId: undefined,
  schoolYearId: undefined,
  email: undefined,
};

function useChips(options: FilterOptions): FilterChip[] {
  const t = useTranslations("filters");
  const { query } = useStudentList();
  return activeFilterChips(query, options, {
    school: t("school"),
    program: t("program"),
    class: t("class"),
    schoolYear: t("schoolYear"),
    email: t("email"),
    emailPresent: t("emailPresent"),
    emailMissing: t("emailMissing"),
  });
}

/** The "Filtres" button and its panel: each choice applies at once. */
export function StudentFilters({ options }: { options: FilterOptions }) {
  const t = useTranslations("filters");
  const { query, navigate } = useStudentList();
  const chips = useChips(options);
  const { programs, classes } = narrowOptions(query, options);
  const id = (key: string) => `filter-${key}`;

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
          <div className="flex flex-col gap-1">
            <Label htmlFor={id("school")}>{t("school")}</Label>
            <NativeSelect
              id={id("school")}
              value={query.schoolId ?? ""}
              onChange={(event) =>
                navigate({ schoolId: event.target.value || undefined, programId: undefined, classId: undefined })
              }
            >
              <option value="">{t("allFeminine")}</option>
              {options.schools.map((school) => (
                <option key={school.id} value={school.id}>
                  {school.name}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor={id("program")}>{t("program")}</Label>
            <NativeSelect
              id={id("program")}
              value={query.programId ?? ""}
              onChange={(event) => navigate({ programId: event.target.value || undefined, classId: undefined })}
            >
              <option value="">{t("allFeminine")}</option>
              {programs.map((program) => (
                <option key={program.id} value={program.id}>
                  {program.name}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor={id("schoolYear")}>{t("schoolYear")}</Label>
            <NativeSelect
              id={id("schoolYear")}
              value={query.schoolYearId ?? ""}
              onChange={(event) => navigate({ schoolYearId: event.target.value || undefined, classId: undefined })}
            >
              <option value="">{t("allFeminine")}</option>
              {options.schoolYears.map((year) => (
                <option key={year.id} value={year.id}>
                  {year.label}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor={id("class")}>{t("class")}</Label>
            <NativeSelect
              id={id("class")}
              value={query.classId ?? ""}
              onChange={(event) => navigate({ classId: event.target.value || undefined })}
            >
              <option value="">{t("allFeminine")}</option>
              {classes.map((schoolClass) => (
                <option key={schoolClass.id} value={schoolClass.id}>
                  {schoolClass.name}
                  {query.schoolYearId ? "" : ` (${options.schoolYears.find((year) => year.id === schoolClass.schoolYearId)?.label ?? ""})`}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor={id("email")}>{t("email")}</Label>
            <NativeSelect
              id={id("email")}
              value={query.email ?? ""}
              onChange={(event) => navigate({ email: (event.target.value || undefined) as TEmailFilter | undefined })}
            >
              <option value="">{t("all")}</option>
              {EMAIL_FILTERS.map((filter) => (
                <option key={filter} value={filter}>
                  {filter === "renseigne" ? t("emailPresent") : t("emailMissing")}
                </option>
              ))}
            </NativeSelect>
          </div>
          <Button variant="ghost" className="self-start" disabled={!chips.length} onClick={() => navigate(CLEARED_FILTERS)}>
            {t("reset")}
          </Button>
        </div>
      </PopoverContent>
    </Popover>
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
