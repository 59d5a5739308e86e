"use client";
import { Download } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { getBulkProgress } from "@/lib/actions/bulk";
import type { BulkProgress } from "@/lib/data/send-history";
import { bulkSendReportPath, STUDENTS_PATH } from "@/lib/routes";

const POLL_MS = 1000;

/**
 * Live progress of a bulk resend or a reminder run (sent / failed / remaining), then its outcome and
 * report. A reminder run's people (parents too) are known as it is prepared: what remains is counted
 * over those prepared so far.
 */
export function BulkProgressView({ initial }: { initial: BulkProgress }) {
  const t = useTranslations("bulk");
  const format = useFormatter();
  const [progress, setProgress] = useState(initial);

  useEffect(() => {
    if (progress.done) return;
    const timer = setTimeout(async () => {
      try {
        const result = await getBulkProgress({ bulkSendId: progress.id });
        if (result.ok) setProgress(result.data);
      } catch {
        // Network hiccup: the next poll tries again.
        setProgress((previous) => ({ ...previous }));
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [progress]);

  const skipped = Object.values(progress.skipped).reduce((sum, count) => sum + count, 0);
  const toSend = (progress.kind === "activation" ? progress.total : progress.prepared) - skipped;
  const remaining = Math.max(0, toSend - progress.emails.sent - progress.emails.failed);
  const handled = progress.emails.sent + progress.emails.failed;
  const percent = toSend > 0 ? Math.round((handled / toSend) * 100) : 100;

  return (
    <div className="mt-4 flex flex-col gap-4">
      <p className="text-sm text-slate-600">
        {t("startedBy", {
          date: format.dateTime(new Date(progress.createdAt), { dateStyle: "long", timeStyle: "short" }),
          name: progress.createdBy ?? t("automaticReminders"),
        })}
      </p>
      <Card>
        <div className="flex items-center justify-between text-sm">
          <span id="bulk-progress-label" className="font-medium">
            {t("progressLabel")}
          </span>
          <span>{percent} %</span>
        </div>
        <div
          role="progressbar"
          aria-labelledby="bulk-progress-label"
          aria-valuemin={0}
          aria-valuemax={toSend}
          aria-valuenow={handled}
          className="mt-2 h-3 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full bg-indigo-700 transition-all" style={{ width: `${percent}%` }} />
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-3 text-center sm:grid-cols-4">
          {[
            ["sent", progress.emails.sent],
            ["failed", progress.emails.failed],
            ["remaining", remaining],
            ["skippedCount", skipped],
          ].map(([key, value]) => (
            <div key={key} className="rounded-md bg-slate-50 p-3">
              <dt className="text-xs text-slate-600 uppercase">{t(key as "sent")}</dt>
              <dd className="text-2xl font-semibold" data-testid={`bulk-${key}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        <div role="status" aria-live="polite" className="mt-4 text-sm">
          {progress.status === "cancelled" ? (
            <p className="text-red-800">{t("cancelled")}</p>
          ) : progress.done ? (
            <p className="font-medium text-emerald-800">
              {t("done", { sent: progress.emails.sent })}{" "}
              {progress.emails.failed ? t("doneWithFailures", { failed: progress.emails.failed }) : null}
            </p>
          ) : progress.status === "preparing" ? (
            <p className="flex items-center gap-2">
              <Spinner />{" "}
              {progress.kind === "activation"
                ? t("preparing", { prepared: progress.prepared, total: progress.total })
                : t("reminder.preparing", { prepared: progress.prepared })}
            </p>
          ) : (
            <p className="flex items-center gap-2">
              <Spinner /> {t("waitingServer")}
            </p>
          )}
        </div>
        {skipped ? (
          <ul className="mt-3 list-disc pl-5 text-sm text-slate-700">
            {(Object.entries(progress.skipped) as [keyof BulkProgress["skipped"], number][])
              .filter(([, count]) => count > 0)
              .map(([reason, count]) => (
                <li key={reason}>{t(`skipped.${reason}`, { count })}</li>
              ))}
          </ul>
        ) : null}
      </Card>
      <div className="flex flex-wrap gap-2">
        <a href={bulkSendReportPath(progress.id)} download className={buttonClasses({ variant: "secondary" })}>
          <Download aria-hidden className="h-4 w-4" />
          {t("report")}
        </a>
        <Link href={STUDENTS_PATH} className={buttonClasses({ variant: "ghost" })}>
          {t("back")}
        </Link>
      </div>
    </div>
  );
}
