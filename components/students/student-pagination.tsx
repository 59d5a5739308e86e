"use client";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import type { StudentListPage } from "@/lib/data/students";
import { PAGE_SIZES } from "@/lib/students/list-params";
import { useStudentList } from "./list-navigation";

export function StudentPagination({ page }: { page: StudentListPage }) {
  const t = useTranslations("students.pagination");
  const { navigate } = useStudentList();
  const from = (page.page - 1) * page.pageSize + 1;
  const to = Math.min(page.page * page.pageSize, page.total);
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <div className="flex items-center gap-2">
        <label htmlFor="page-size" className="text-slate-700">
          {t("pageSize")}
        </label>
        <NativeSelect
          id="page-size"
          className="w-20"
          value={page.pageSize}
          onChange={(event) => navigate({ pageSize: Number(event.target.value) })}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </NativeSelect>
        <span className="text-slate-600">
          {page.totalCapped ? t("rangeCapped", { from, to, total: page.total }) : t("range", { from, to, total: page.total })}
        </span>
      </div>
      <div className="flex items-center gap-2">
        <Button variant="secondary" size="sm" disabled={page.page <= 1} onClick={() => navigate({ page: page.page - 1 })}>
          <ChevronLeft aria-hidden className="h-4 w-4" />
          {t("previous")}
        </Button>
        <span aria-current="page">{t("page", { page: page.page, pageCount: page.pageCount })}</span>
        <Button variant="secondary" size="sm" disabled={page.page >= page.pageCount} onClick={() => navigate({ page: page.page + 1 })}>
          {t("next")}
          <ChevronRight aria-hidden className="h-4 w-4" />
        </Button>
      </div>
      {page.totalCapped && page.page >= page.pageCount ? (
        <p className="basis-full text-slate-600" role="note">
          {t("capped", { count: page.total })}
        </p>
      ) : null}
    </nav>
  );
}
