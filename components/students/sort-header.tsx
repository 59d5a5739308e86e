"use client";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { TListSort } from "@/lib/students/list-params";
import { useStudentList } from "./list-navigation";

/**
 * A column header the list can be sorted by: a button that sorts by the column, or the other way
 * when it already does; the header says the current order to screen readers (aria-sort) and the
 * button's description says what a click does (« Trier par classe »).
 */
export function SortableHeader({ sort, label, className }: { sort: TListSort; label: string; className?: string }) {
  const t = useTranslations("students.sort");
  const { query, navigate } = useStudentList();
  const direction = query.sort === sort ? query.direction : null;
  const next = direction === "asc" ? "desc" : "asc";
  const Icon = direction === "asc" ? ArrowUp : direction === "desc" ? ArrowDown : ArrowUpDown;
  const action = t(sort);
  return (
    // The role spelled out like the table's other headers (StudentTable): aria-sort belongs to a column header.
    <th
      role="columnheader"
      scope="col"
      aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : undefined}
      className={className}
    >
      <button
        type="button"
        onClick={() => navigate({ sort, direction: next })}
        title={direction ? t(next === "asc" ? "ascending" : "descending", { action }) : action}
        className={cn(
          "-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 whitespace-nowrap uppercase hover:bg-slate-200/60 hover:text-slate-900",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
          direction ? "text-slate-900" : undefined,
        )}
      >
        {label}
        <Icon aria-hidden className={cn("h-3.5 w-3.5 shrink-0", direction ? "text-indigo-700" : "text-slate-400")} />
      </button>
    </th>
  );
}
