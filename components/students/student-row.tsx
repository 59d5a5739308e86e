"use client";
import { Eye } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { AccessBadge } from "@/components/access/access-badge";
import { PersonMoreMenu } from "@/components/access/person-more-menu";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import type { StudentListRow } from "@/lib/data/students";
import { elided } from "@/lib/i18n/elision";
import { studentPath } from "@/lib/routes";
import { EmailText } from "./email-text";
import { StudentParentsCell } from "./student-parents-cell";

/**
 * Where each cell goes. One markup for both layouts: a table row from `lg` up, and below it a card
 * whose cells are placed on a grid (checkbox, photo and name on the first line; class, school,
 * email, access and parents under the name; the actions last). Text that does not fit is cut with
 * « … », the whole value in its title and in the Aperçu panel; nothing breaks inside a word.
 */
export const CELL = {
  select: "max-lg:col-start-1 max-lg:row-start-1",
  photo: "max-lg:col-start-2 max-lg:row-start-1",
  name: "max-lg:col-span-2 max-lg:col-start-3 max-lg:row-start-1",
  // Below xl, the table keeps what matters most: the number and the school are in the Aperçu panel.
  studentNumber: "max-xl:hidden",
  class: "max-lg:col-span-2 max-lg:col-start-3 max-lg:row-start-2",
  school: "max-lg:col-span-2 max-lg:col-start-3 max-lg:row-start-3 lg:max-xl:hidden",
  email: "max-lg:col-span-2 max-lg:col-start-3 max-lg:row-start-4",
  access: "max-lg:col-start-3 max-lg:row-start-5",
  parents: "max-lg:col-start-4 max-lg:row-start-5",
  actions: "max-lg:col-span-4 max-lg:col-start-1 max-lg:row-start-6",
} as const;

/** Padding of every cell, a little more at the table's edges. */
export const EDGES = "px-2 lg:first:pl-3 lg:last:pr-3";
const TD = `${EDGES} py-1 max-lg:p-0`;
/** One line, cut with « … » when too long (its title holds the whole text); on a card, long text wraps between words. */
const CUT = "block truncate max-lg:whitespace-normal";

export type RowEditing = { staffEmail: string; selected: boolean; onSelect: (selected: boolean) => void };

/** A student of the list: a table row on large screens, a card below. */
export function StudentRow({ row, editing, onPreview }: { row: StudentListRow; editing: RowEditing | null; onPreview: () => void }) {
  const t = useTranslations("students");
  const tBulk = useTranslations("bulk");
  const fullName = `${row.firstName} ${row.lastName}`;
  const schooling = `${row.schoolName} · ${row.programName}`;
  return (
    <tr
      role="row"
      className={cn(
        "lg:border-b lg:border-slate-100 lg:last:border-0",
        "max-lg:grid max-lg:grid-cols-[auto_auto_auto_minmax(0,1fr)] max-lg:items-center max-lg:gap-x-3 max-lg:gap-y-1",
        "max-lg:rounded-lg max-lg:border max-lg:border-slate-200 max-lg:p-3",
        editing?.selected ? "bg-indigo-50/60" : "bg-white lg:hover:bg-slate-50",
      )}
    >
      {editing ? (
        <td role="cell" className={cn(TD, CELL.select)}>
          <Checkbox aria-label={tBulk("selectRow", { name: fullName })} checked={editing.selected} onCheckedChange={editing.onSelect} />
        </td>
      ) : null}
      <td role="cell" className={cn(TD, CELL.photo)}>
        <button
          type="button"
          onClick={onPreview}
          // A shortcut for the pointer only: the row's "Aperçu" button is the keyboard and screen
          // reader path (one tab stop, one « Aperçu de … » per row); initials named « Aperçu de … »
          // would not contain the text they show (label in name).
          tabIndex={-1}
          aria-hidden
          className="block rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          <Avatar size="xs" firstName={row.firstName} lastName={row.lastName} photoUrl={row.photoUrl} alt="" />
        </button>
      </td>
      <td role="cell" className={cn(TD, CELL.name)}>
        {/* No prefetch: a page of 25 to 100 rows would fetch as many profiles on every load. */}
        <Link
          href={studentPath(row.id)}
          prefetch={false}
          title={`${row.lastName.toUpperCase()} ${row.firstName}`}
          className={cn(CUT, "font-medium text-indigo-800 hover:underline")}
        >
          <span className="uppercase">{row.lastName}</span> {row.firstName}
        </Link>
        {row.matchedGuardian ? (
          <span className={cn(CUT, "text-xs text-slate-600")} title={t("matchedGuardian", { name: row.matchedGuardian })}>
            {t("matchedGuardian", { name: row.matchedGuardian })}
          </span>
        ) : null}
      </td>
      <td role="cell" className={cn(TD, CELL.studentNumber, "font-mono text-xs text-slate-700")}>
        <span className="block truncate" title={row.studentNumber}>
          {row.studentNumber}
        </span>
      </td>
      <td role="cell" className={cn(TD, CELL.class, "text-slate-700")}>
        <span className="flex items-baseline gap-1.5">
          {/* The card has no student number column: it comes first on the class's line. */}
          <span className="shrink-0 font-mono text-xs lg:hidden">{row.studentNumber} ·</span>
          <span className={cn(CUT, "min-w-0")} title={row.className}>
            {row.className}
          </span>
        </span>
      </td>
      <td role="cell" className={cn(TD, CELL.school, "text-slate-700")}>
        <span className={CUT} title={schooling}>
          {schooling}
        </span>
      </td>
      <td role="cell" className={cn(TD, CELL.email)}>
        <EmailText email={row.email} status={row.emailStatus} oneLine />
      </td>
      <td role="cell" className={cn(TD, CELL.access)}>
        <AccessBadge state={row.accessState} />
      </td>
      <td role="cell" className={cn(TD, CELL.parents, "whitespace-nowrap")}>
        <StudentParentsCell parents={row.parents} />
      </td>
      <td role="cell" className={cn(TD, CELL.actions)}>
        <div className="flex items-center justify-end gap-1">
          <Button variant="ghost" size="sm" onClick={onPreview} aria-label={t("previewOf", elided(fullName))}>
            <Eye aria-hidden className="h-4 w-4" />
            {t("preview")}
          </Button>
          {editing ? (
            <PersonMoreMenu
              person={{ ref: { studentId: row.id }, name: fullName, email: row.email, state: row.accessState, hasPassword: false }}
              emailStatus={row.emailStatus}
              staffEmail={editing.staffEmail}
              items={["resend"]}
            />
          ) : null}
        </div>
      </td>
    </tr>
  );
}
