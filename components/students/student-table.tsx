"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { loadOnOpen } from "@/components/ui/load-on-open";
import type { StudentListRow } from "@/lib/data/students";
import { SortableHeader } from "./sort-header";
import { CELL, EDGES, StudentRow } from "./student-row";

// The Aperçu panel's code loads when a row is first previewed.
const StudentPreviewSheet = loadOnOpen(
  () => import("./student-preview-sheet").then((module) => module.StudentPreviewSheet),
  (props) => props.studentId !== null,
);

export type RowSelection = {
  isSelected: (id: string) => boolean;
  toggle: (id: string, selected: boolean) => void;
  togglePage: (selected: boolean) => void;
  pageState: boolean | "indeterminate";
};

// Column widths on large screens (a fixed layout: they do not move with what a page holds), made
// for the longest badge (« Invitation envoyée ») and « 2/2 parents actifs »; the name and the email
// take a share of the width, the school what is left. The header row becomes the cards' sort bar
// below `lg`: the columns that cannot be sorted keep their names for screen readers only.
const TH = `${EDGES} py-1.5 font-semibold whitespace-nowrap`;
const HIDDEN_ON_CARDS = "max-lg:sr-only";

/** The list's rows; with "Modifier un étudiant", a checkbox and a "Plus" menu on each. */
export function StudentTable({
  rows,
  editing,
}: {
  rows: StudentListRow[];
  editing: { staffEmail: string; selection: RowSelection } | null;
}) {
  const t = useTranslations("students");
  const tBulk = useTranslations("bulk");
  const [previewId, setPreviewId] = useState<string | null>(null);
  return (
    <>
      <div className="mt-3 lg:overflow-hidden lg:rounded-lg lg:border lg:border-slate-200 lg:bg-white">
        {/* Roles spelled out: some browsers drop a table's semantics once its display is changed (the cards). */}
        <table role="table" className="w-full text-left text-sm max-lg:block lg:table-fixed">
          <caption className="sr-only">{t("title")}</caption>
          <colgroup className="max-lg:hidden">
            {editing ? <col className="w-9" /> : null}
            <col className="w-11" />
            <col className="w-[14%]" />
            <col className={cn("w-27", CELL.studentNumber)} />
            <col className="w-24" />
            <col className={CELL.school} />
            <col className="w-[13%]" />
            <col className="w-36" />
            <col className="w-36" />
            <col className={editing ? "w-48" : "w-30"} />
          </colgroup>
          <thead
            role="rowgroup"
            className="bg-slate-50 text-xs text-slate-600 max-lg:block max-lg:rounded-lg max-lg:border max-lg:border-slate-200 lg:border-b lg:border-slate-200"
          >
            <tr role="row" className="max-lg:flex max-lg:items-center max-lg:gap-x-3 max-lg:px-3 max-lg:py-1">
              {editing ? (
                <th role="columnheader" scope="col" className={cn(TH, CELL.select)}>
                  <Checkbox
                    aria-label={tBulk("selectPage")}
                    checked={editing.selection.pageState}
                    onCheckedChange={(checked) => editing.selection.togglePage(checked)}
                  />
                </th>
              ) : null}
              <th role="columnheader" scope="col" className={cn(TH, HIDDEN_ON_CARDS)}>
                <span className="sr-only">{t("columns.photo")}</span>
              </th>
              <SortableHeader sort="name" label={t("columns.name")} className={TH} />
              <Header label={t("columns.studentNumber")} className={CELL.studentNumber} />
              <SortableHeader sort="class" label={t("columns.class")} className={TH} />
              <Header label={t("columns.school")} className={CELL.school} />
              <Header label={t("columns.email")} />
              <SortableHeader sort="access" label={t("columns.access")} className={TH} />
              <Header label={t("columns.parents")} />
              <th role="columnheader" scope="col" className={cn(TH, HIDDEN_ON_CARDS)}>
                <span className="sr-only">{t("columns.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup" className="max-lg:mt-3 max-lg:grid max-lg:gap-3 sm:max-lg:grid-cols-2">
            {rows.map((row) => (
              <StudentRow
                key={row.id}
                row={row}
                onPreview={() => setPreviewId(row.id)}
                editing={
                  editing
                    ? {
                        staffEmail: editing.staffEmail,
                        selected: editing.selection.isSelected(row.id),
                        onSelect: (selected) => editing.selection.toggle(row.id, selected),
                      }
                    : null
                }
              />
            ))}
          </tbody>
        </table>
      </div>
      <StudentPreviewSheet studentId={previewId} onClose={() => setPreviewId(null)} />
    </>
  );
}

/** A column header that cannot be sorted by: in the table only (cards show no column names). */
function Header({ label, className }: { label: string; className?: string }) {
  return (
    <th role="columnheader" scope="col" className={cn(TH, HIDDEN_ON_CARDS, "uppercase", className)}>
      <span className="block truncate" title={label}>
        {label}
      </span>
    </th>
  );
}
