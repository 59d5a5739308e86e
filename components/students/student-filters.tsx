"use client";
import { SlidersHorizontal, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import { lazyComponent } from "@/components/ui/load-on-open";
import { ACCESS_STATES, type AccessState } from "@/lib/access/state";
import type { FilterOptions } from "@/lib/data/students";
import { PARENT_ACCESS_FILTERS, type TParentAccessFilter } from "@/lib/students/list-params";
import { activeFilterChips, CLEARED_FILTERS, type FilterChip } from "./filter-chips";
import { useStudentList } from "./list-navigation";

const loadPanel = () => import("./student-filters-panel");
const StudentFiltersPanel = lazyComponent(() => loadPanel().then((module) => module.StudentFiltersPanel));

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
    parentAccess: t("parentAccess"),
    parentAccessValues: useParentAccessLabels(),
  });
}

function useParentAccessLabels(): Record<TParentAccessFilter, string> {
  const t = useTranslations("filters.parentAccessValues");
  return Object.fromEntries(PARENT_ACCESS_FILTERS.map((filter) => [filter, t(filter)])) as Record<TParentAccessFilter, string>;
}

function useAccessStateLabels(): Record<AccessState, string> {
  const t = useTranslations("access.states");
  return Object.fromEntries(ACCESS_STATES.map((state) => [state, t(state)])) as Record<AccessState, string>;
}

/** The "Filtres" button; its panel loads when first opened. */
export function StudentFilters({ options }: { options: FilterOptions }) {
  const t = useTranslations("filters");
  const chips = useChips(options);
  const accessLabels = useAccessStateLabels();
  const parentAccessLabels = useParentAccessLabels();
  return (
    <DeferredPopup
      kind="dialog"
      preload={loadPanel}
      trigger={
        <Button variant="secondary">
          <SlidersHorizontal aria-hidden className="h-4 w-4" />
          {t("button")}
          {chips.length ? <Badge tone="info">{chips.length}</Badge> : null}
        </Button>
      }
      open={(trigger) => (
        <StudentFiltersPanel
          trigger={trigger}
          options={options}
          activeCount={chips.length}
          accessLabels={accessLabels}
          parentAccessLabels={parentAccessLabels}
        />
      )}
    />
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
          <button
            type="button"
            className={removeClass}
            aria-label={t("remove", { label: t("searchChip", { value: search }) })}
            onClick={() => navigate({ query: "" })}
          >
            <X aria-hidden className="h-3.5 w-3.5" />
          </button>
        </span>
      ) : null}
      {chips.map((chip) => {
        const label = chip.name ? t("chip", { name: chip.name, value: chip.value }) : chip.value;
        return (
          <span key={chip.key} className={chipClass}>
            {label}
            <button
              type="button"
              className={removeClass}
              aria-label={t("remove", { label })}
              onClick={() => navigate({ [chip.key]: undefined })}
            >
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
