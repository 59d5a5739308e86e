"use client";
import { elided } from "@/lib/i18n/elision";
import { Eye } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { AccessBadge } from "@/components/access/access-badge";
import { PersonMoreMenu } from "@/components/access/person-more-menu";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { loadOnOpen } from "@/components/ui/load-on-open";
import type { StudentListRow } from "@/lib/data/students";
import { studentPath } from "@/lib/routes";
import { EmailText } from "./email-text";
import { StudentParentsCell } from "./student-parents-cell";

// The Aperçu panel's code loads when a row is first previewed.
const StudentPreviewSheet = loadOnOpen(
  () => import("./student-preview-sheet").then((module) => module.StudentPreviewSheet),
  (props) => props.studentId !== null,
);

/** A row of the list, its address already checked on the server (lib/access/email-address.ts). */

export type RowSelection = {
  isSelected: (id: string) => boolean;
  toggle: (id: string, selected: boolean) => void;
  togglePage: (selected: boolean) => void;
  pageState: boolean | "indeterminate";
};

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
      <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600 uppercase">
            <tr>
              {editing ? (
                <th scope="col" className="w-10 px-4 py-3">
                  <Checkbox
                    aria-label={tBulk("selectPage")}
                    checked={editing.selection.pageState}
                    onCheckedChange={(checked) => editing.selection.togglePage(checked === true)}
                  />
                </th>
              ) : null}
              <th scope="col" className="px-4 py-3">
                <span className="sr-only">{t("columns.photo")}</span>
              </th>
              <th scope="col" className="px-4 py-3">
                {t("columns.name")}
              </th>
              <th scope="col" className="px-4 py-3">
                {t("columns.studentNumber")}
              </th>
              <th scope="col" className="px-4 py-3">
                {t("columns.schooling")}
              </th>
              <th scope="col" className="px-4 py-3">
                {t("columns.email")}
              </th>
              <th scope="col" className="px-4 py-3">
                {t("columns.access")}
              </th>
              <th scope="col" className="px-4 py-3">
                {t("columns.parents")}
              </th>
              <th scope="col" className="px-4 py-3">
                <span className="sr-only">{t("columns.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const fullName = `${row.firstName} ${row.lastName}`;
              const selected = editing?.selection.isSelected(row.id) ?? false;
              return (
                <tr
                  key={row.id}
                  className={
                    selected
                      ? "border-b border-slate-100 bg-indigo-50/60 last:border-0"
                      : "border-b border-slate-100 last:border-0 hover:bg-slate-50"
                  }
                >
                  {editing ? (
                    <td className="px-4 py-2">
                      <Checkbox
                        aria-label={tBulk("selectRow", { name: fullName })}
                        checked={selected}
                        onCheckedChange={(checked) => editing.selection.toggle(row.id, checked === true)}
                      />
                    </td>
                  ) : null}
                  <td className="px-4 py-2">
                    <button
                      type="button"
                      onClick={() => setPreviewId(row.id)}
                      // A shortcut for the pointer only: the row's "Aperçu" button is the keyboard and screen
                      // reader path (one tab stop, one « Aperçu de … » per row); initials named « Aperçu de … »
                      // would not contain the text they show (label in name).
                      tabIndex={-1}
                      aria-hidden
                      className="rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                    >
                      <Avatar firstName={row.firstName} lastName={row.lastName} photoUrl={row.photoUrl} alt="" />
                    </button>
                  </td>
                  <td className="px-4 py-2">
                    {/* No prefetch: a page of 25 to 100 rows would fetch as many profiles on every load. */}
                    <Link href={studentPath(row.id)} prefetch={false} className="font-medium text-indigo-800 hover:underline">
                      <span className="uppercase">{row.lastName}</span> {row.firstName}
                    </Link>
                    {row.matchedGuardian ? (
                      <span className="block text-xs text-slate-600">{t("matchedGuardian", { name: row.matchedGuardian })}</span>
                    ) : null}
                  </td>
                  <td className="px-4 py-2 font-mono text-xs text-slate-700">{row.studentNumber}</td>
                  <td className="px-4 py-2 text-slate-700">
                    <span className="block">{row.schoolName}</span>
                    <span className="block text-xs text-slate-600">
                      {row.programName} · {row.className}
                    </span>
                  </td>
                  <td className="px-4 py-2">
                    <EmailText email={row.email} status={row.emailStatus} />
                  </td>
                  <td className="px-4 py-2">
                    <AccessBadge state={row.accessState} />
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap">
                    <StudentParentsCell parents={row.parents} />
                  </td>
                  <td className="px-4 py-2">
                    <div className="flex items-center justify-end gap-1">
                      <Button variant="ghost" size="sm" onClick={() => setPreviewId(row.id)} aria-label={t("previewOf", elided(fullName))}>
                        <Eye aria-hidden className="h-4 w-4" />
                        {t("preview")}
                      </Button>
                      {editing ? (
                        <PersonMoreMenu
                          person={{
                            ref: { studentId: row.id },
                            name: fullName,
                            email: row.email,
                            state: row.accessState,
                            hasPassword: false,
                          }}
                          emailStatus={row.emailStatus}
                          staffEmail={editing.staffEmail}
                          items={["resend"]}
                        />
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <StudentPreviewSheet studentId={previewId} onClose={() => setPreviewId(null)} />
    </>
  );
}
