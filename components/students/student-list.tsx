"use client";
import { useTranslations } from "next-intl";
import type { FilterOptions, StudentListPage } from "@/lib/data/students";
import type { TBulkSelection } from "@/lib/validation/bulk";
import { listCriteria, studentListSearchParams } from "@/lib/students/list-params";
import type { TStudentListCriteria, TStudentListQuery } from "@/lib/validation/students";
import { useState } from "react";
import { BulkBar } from "./bulk-bar";
import { CLEARED_FILTERS } from "./filter-chips";
import { StudentListNavigation, useStudentList } from "./list-navigation";
import { StudentFilters, ActiveFilters } from "./student-filters";
import { StudentPagination } from "./student-pagination";
import { StudentSearch } from "./student-search";
import { StudentTable, type RowSelection } from "./student-table";
import { Button } from "@/components/ui/button";

function hasCriteria(query: TStudentListQuery): boolean {
  return !!(
    query.query.trim() ||
    query.schoolId ||
    query.programId ||
    query.classId ||
    query.schoolYearId ||
    query.email ||
    query.access ||
    query.parentAccess
  );
}

type ListProps = {
  query: TStudentListQuery;
  page: StudentListPage;
  filterOptions: FilterOptions;
  /** Present for staff with "Modifier un étudiant": row selection, bulk and row actions. */
  editing: { staffEmail: string } | null;
};

export function StudentList(props: ListProps) {
  return (
    <StudentListNavigation query={props.query}>
      <StudentListBody {...props} />
    </StudentListNavigation>
  );
}

function useRowSelection(page: StudentListPage, criteria: TStudentListCriteria) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  // A new search or filter starts a new selection (its pages and orders keep it: the same students).
  const criteriaKey = studentListSearchParams(criteria).toString();
  const [selectionFor, setSelectionFor] = useState(criteriaKey);
  if (selectionFor !== criteriaKey) {
    setSelectionFor(criteriaKey);
    setSelected(new Set());
    setAllMatching(false);
  }
  const pageIds = page.rows.map((row) => row.id);
  const selectedOnPage = pageIds.filter((id) => selected.has(id)).length;
  const selection: RowSelection = {
    isSelected: (id) => allMatching || selected.has(id),
    toggle: (id, on) => {
      setAllMatching(false);
      setSelected((previous) => {
        const next = new Set(allMatching ? pageIds : previous);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      });
    },
    togglePage: (on) => {
      setAllMatching(false);
      setSelected((previous) => {
        const next = new Set(previous);
        for (const id of pageIds)
          if (on) next.add(id);
          else next.delete(id);
        return next;
      });
    },
    pageState:
      allMatching || (selectedOnPage > 0 && selectedOnPage === pageIds.length) ? true : selectedOnPage > 0 ? "indeterminate" : false,
  };
  return {
    selection,
    selectedCount: selected.size,
    allMatching,
    pageFullySelected: selectedOnPage === pageIds.length && pageIds.length > 0,
    selectAllMatching: () => setAllMatching(true),
    clear: () => {
      setAllMatching(false);
      setSelected(new Set());
    },
    ids: [...selected],
  };
}

function StudentListBody({ page, filterOptions, editing }: ListProps) {
  const t = useTranslations("students");
  const { query, isPending, navigate } = useStudentList();
  const criteria = listCriteria(query);
  const rowSelection = useRowSelection(page, criteria);
  const bulkSelection: TBulkSelection = rowSelection.allMatching ? { query: criteria } : { studentIds: rowSelection.ids };
  return (
    <>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <StudentSearch />
        <StudentFilters options={filterOptions} />
        <p className="ml-auto text-sm text-slate-700" aria-live="polite" aria-atomic="true">
          {page.totalCapped ? t("countCapped", { count: page.total }) : t("count", { count: page.total })}
        </p>
      </div>
      <ActiveFilters options={filterOptions} />
      {editing && (rowSelection.selectedCount > 0 || rowSelection.allMatching) ? (
        <BulkBar
          selectedCount={rowSelection.selectedCount}
          allMatching={rowSelection.allMatching}
          total={page.total}
          totalCapped={page.totalCapped}
          pageFullySelected={rowSelection.pageFullySelected}
          selection={bulkSelection}
          onSelectAllMatching={rowSelection.selectAllMatching}
          onClear={rowSelection.clear}
        />
      ) : null}
      <div className={isPending ? "opacity-60 transition-opacity" : undefined} aria-busy={isPending}>
        {page.total === 0 ? (
          hasCriteria(query) ? (
            <EmptyState title={t("noResults.title")} description={t("noResults.description")}>
              <Button variant="secondary" onClick={() => navigate({ query: "", ...CLEARED_FILTERS })}>
                {t("noResults.reset")}
              </Button>
            </EmptyState>
          ) : (
            <EmptyState title={t("empty.title")} description={t("empty.description")} />
          )
        ) : (
          <>
            <StudentTable
              rows={page.rows}
              editing={editing ? { staffEmail: editing.staffEmail, selection: rowSelection.selection } : null}
            />
            <StudentPagination page={page} />
          </>
        )}
      </div>
    </>
  );
}

function EmptyState({ title, description, children }: { title: string; description: string; children?: React.ReactNode }) {
  return (
    <div className="mt-6 flex flex-col items-center gap-2 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-14 text-center">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="text-sm text-slate-600">{description}</p>
      {children ? <div className="mt-2">{children}</div> : null}
    </div>
  );
}
