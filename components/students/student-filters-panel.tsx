"use client";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Popover, PopoverClose, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { ACCESS_STATES, type AccessState } from "@/lib/access/state";
import type { FilterOptions } from "@/lib/data/students";
import { EMAIL_FILTERS, PARENT_ACCESS_FILTERS, type TEmailFilter, type TParentAccessFilter } from "@/lib/students/list-params";
import { CLEARED_FILTERS, narrowOptions } from "./filter-chips";
import { useStudentList } from "./list-navigation";

/** The "Filtres" panel, loaded when first opened (student-filters.tsx): each choice applies at once. */
export function StudentFiltersPanel({
  trigger,
  options,
  activeCount,
  accessLabels,
  parentAccessLabels,
}: {
  trigger: ReactElement;
  options: FilterOptions;
  activeCount: number;
  accessLabels: Record<AccessState, string>;
  parentAccessLabels: Record<TParentAccessFilter, string>;
}) {
  const t = useTranslations("filters");
  const { query, navigate } = useStudentList();
  const { programs, classes } = narrowOptions(query, options);
  const yearLabel = (yearId: string) => options.schoolYears.find((year) => year.id === yearId)?.label ?? "";

  return (
    <Popover defaultOpen>
      <PopoverTrigger asChild>{trigger}</PopoverTrigger>
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
              label: filter === "present" ? t("emailPresent") : t("emailMissing"),
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
          <FilterSelect
            id="filter-parent-access"
            label={t("parentAccess")}
            allLabel={t("all")}
            description={t("parentAccessHelp")}
            value={query.parentAccess}
            options={PARENT_ACCESS_FILTERS.map((filter) => ({ value: filter, label: parentAccessLabels[filter] }))}
            onChange={(parentAccess) => navigate({ parentAccess: parentAccess as TParentAccessFilter | undefined })}
          />
          <Button variant="ghost" className="self-start" disabled={!activeCount} onClick={() => navigate(CLEARED_FILTERS)}>
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
  description,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  allLabel: string;
  description?: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect
        id={id}
        className="w-full"
        value={value ?? ""}
        aria-describedby={description ? `${id}-help` : undefined}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
      {description ? (
        <p id={`${id}-help`} className="text-xs text-slate-600">
          {description}
        </p>
      ) : null}
    </div>
  );
}
