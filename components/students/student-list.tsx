"use client";
import { useTranslations } from "next-intl";
import type { FilterOptions, StudentListPage } from "@/lib/data/students";
import type { TStudentListQuery } from "@/lib/validation/students";
import { StudentListNavigation, useStudentList } from "./list-navigation";
import { StudentFilters, ActiveFilters } from "./student-filters";
import { StudentPagination } from "./student-pagination";
import { StudentSearch } from "./student-search";
import { StudentTable } from "./student-table";
import { Button } from "@/components/ui/button";

function hasCriteria(query: TStudentListQuery): boolean {
  return !!(query.query.trim() || query.schoolId || query.programId || query.classId || query.schoolYearId || query.email);
}

export function StudentList(props: { query: TStudentListQuery; page: StudentListPage; filterOptions: FilterOptions }) {
  return (
    <StudentListNavigation query={props.query}>
      <StudentListBody {...props} />
    </StudentListNavigation>
  );
}

function StudentListBody({ page, filterOptions }: { page: StudentListPage; filterOptions: FilterOptions }) {
  const t = useTranslations("students");
  const { query, isPending, navigate } = useStudentList();
  return (
    <>
      <div className="mt-6 flex flex-wrap items-center gap-3">
        <StudentSearch />
        <StudentFilters options={filterOptions} />
        <p className="ml-auto text-sm text-slate-700" aria-live="polite" aria-atomic="true">
          {t("count", { count: page.total })}
        </p>
      </div>
      <ActiveFilters options={filterOptions} />
      <div className={isPending ? "opacity-60 transition-opacity" : undefined} aria-busy={isPending}>
        {page.total === 0 ? (
          hasCriteria(query) ? (
            <EmptyState title={t("noResults.title")} description={t("noResults.description")}>
              <Button variant="secondary" onClick={() => navigate({ query: "", schoolId: undefined, programId: undefined, classId: undefined, schoolYearId: undefined, email: undefined })}>
                {t("noResults.reset")}
              </Button>
            </EmptyState>
          ) : (
            <EmptyState title={t("empty.title")} description={t("empty.description")} />
          )
        ) : (
          <>
            <StudentTable rows={page.rows} />
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
