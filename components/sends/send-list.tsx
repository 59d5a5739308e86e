import { ChevronLeft, ChevronRight } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { SendSummary, SendsPage } from "@/lib/data/send-history";
import { bulkSendPath, bulkSendReportPath, bulkSendsPath, STUDENTS_PATH } from "@/lib/routes";

const STATE_TONES = { preparing: "info", sending: "info", done: "success", cancelled: "warning" } as const;

const linkClass = "font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";

/** « Envois »: one row per past send (activation emails, reminders, automatic reminders), each opening its progress page and its report. */
export async function SendList({ page }: { page: SendsPage }) {
  const t = await getTranslations("sends");
  const format = await getFormatter();
  if (!page.sends.length) {
    return (
      <div className="mt-6 rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-700">
        <p>{t("empty")}</p>
        <Link href={STUDENTS_PATH} className={`mt-3 inline-block ${linkClass}`}>
          {t("toStudents")}
        </Link>
      </div>
    );
  }
  const when = (send: SendSummary) => format.dateTime(new Date(send.createdAt), { dateStyle: "medium", timeStyle: "short" });
  const number = "px-3 py-2 text-right tabular-nums";
  return (
    <>
      <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("caption", { page: page.page, pageCount: page.pageCount })}</caption>
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("columns.startedAt")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("columns.kind")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("columns.startedBy")}
              </th>
              <th scope="col" className={`${number} font-medium`}>
                {t("columns.total")}
              </th>
              <th scope="col" className={`${number} font-medium`}>
                {t("columns.sent")}
              </th>
              <th scope="col" className={`${number} font-medium`}>
                {t("columns.failed")}
              </th>
              <th scope="col" className={`${number} font-medium`}>
                {t("columns.skipped")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("columns.state")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("columns.report")}
              </th>
            </tr>
          </thead>
          <tbody>
            {page.sends.map((send) => (
              <tr key={send.id} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-2 text-left font-normal whitespace-nowrap">
                  <Link href={bulkSendPath(send.id)} className={linkClass} aria-label={t("open", { date: when(send) })}>
                    {when(send)}
                  </Link>
                </th>
                <td className="px-3 py-2">
                  {send.kind === "activation"
                    ? t("kinds.activation")
                    : t("kindWithAudience", { kind: t(`kinds.${send.kind}`), audience: t(`audiences.${send.audience}`) })}
                </td>
                <td className="px-3 py-2">
                  {send.createdBy ?? (send.schoolName ? `${t("kinds.auto_reminder")} · ${send.schoolName}` : t("kinds.auto_reminder"))}
                </td>
                <td className={number}>{send.total}</td>
                <td className={number}>{send.sent}</td>
                <td className={number}>{send.failed}</td>
                <td className={number}>{send.skipped}</td>
                <td className="px-3 py-2">
                  <Badge tone={send.failed && send.state === "done" ? "warning" : STATE_TONES[send.state]}>
                    {t(`states.${send.state}`)}
                  </Badge>
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <a href={bulkSendReportPath(send.id)} className={linkClass} aria-label={t("reportLabel", { date: when(send) })}>
                    {t("report")}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.pageCount > 1 ? (
        <nav aria-label={t("pagination.label")} className="mt-4 flex items-center justify-end gap-3 text-sm">
          {page.page > 1 ? (
            <Link href={bulkSendsPath(page.page - 1)} className={`inline-flex items-center gap-1 ${linkClass}`}>
              <ChevronLeft aria-hidden className="h-4 w-4" />
              {t("pagination.previous")}
            </Link>
          ) : null}
          <span aria-current="page">{t("pagination.page", { page: page.page, pageCount: page.pageCount })}</span>
          {page.page < page.pageCount ? (
            <Link href={bulkSendsPath(page.page + 1)} className={`inline-flex items-center gap-1 ${linkClass}`}>
              {t("pagination.next")}
              <ChevronRight aria-hidden className="h-4 w-4" />
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
