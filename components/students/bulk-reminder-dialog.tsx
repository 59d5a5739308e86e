"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogTitle } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useErrorMessage } from "@/components/ui/error-message";
import { Spinner } from "@/components/ui/spinner";
import { useAction } from "@/components/ui/use-action";
import { useOpenQuery } from "@/components/ui/use-open-query";
import { previewBulkReminder, startBulkReminder } from "@/lib/actions/bulk";
import type { ReminderPreview } from "@/lib/data/bulk-sends";
import { bulkSendPath } from "@/lib/routes";
import { BULK_AUDIENCES, type TBulkAudience, type TBulkSelection } from "@/lib/validation/bulk";

/**
 * « Relancer » for the selection: whom to remind (the students, their parents, or both — the default:
 * a family is complete once everyone has activated, and the skip rules leave out whoever already has),
 * how many that is, then the start. Who is not waiting for activation is skipped by the worker and
 * counted in the report.
 */
export function BulkReminderDialog({
  selection,
  count,
  open,
  onOpenChange,
}: {
  selection: TBulkSelection;
  /** How many students the selection stands for, as the bar says it. */
  count: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useTranslations("bulk");
  const cancel = useTranslations("access");
  const router = useRouter();
  const describe = useErrorMessage();
  const id = useId();
  const [audience, setAudience] = useState<TBulkAudience>("both");
  const preview = useOpenQuery<ReminderPreview>(open, JSON.stringify(selection), () => previewBulkReminder({ selection }));
  const counts = preview.status === "ready" ? preview.data : undefined;
  const reminded = counts ? reminderCount(counts, audience) : 0;
  // Stays busy once started: the progress page is on its way.
  const start = useAction(startBulkReminder, {
    busyAfterSuccess: true,
    onSuccess: ({ bulkSendId }) => router.push(bulkSendPath(bulkSendId)),
  });
  const error = describe(start.error ?? (preview.status === "error" ? preview.error : null));
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (start.pending) return;
        if (!next) {
          start.reset();
          setAudience("both");
        }
        onOpenChange(next);
      }}
    >
      <AlertDialogContent>
        <AlertDialogTitle className="text-lg font-semibold">{t("reminder.title")}</AlertDialogTitle>
        <AlertDialogDescription className="mt-3 text-sm text-slate-700">{t("reminder.intro", { count })}</AlertDialogDescription>
        <fieldset className="mt-4 flex flex-col gap-2" disabled={start.pending}>
          <legend className="mb-1 text-sm font-medium">{t("reminder.audience")}</legend>
          {BULK_AUDIENCES.map((value) => (
            <div key={value} className="flex items-start gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-indigo-600">
              <input
                type="radio"
                id={`${id}-${value}`}
                name={`${id}-audience`}
                value={value}
                checked={audience === value}
                onChange={() => setAudience(value)}
                aria-describedby={`${id}-${value}-help`}
                className="mt-1 h-4 w-4 accent-indigo-700"
              />
              <div className="flex flex-col text-sm">
                <label htmlFor={`${id}-${value}`} className="cursor-pointer font-medium">
                  {t(`reminder.audiences.${value}`)}
                </label>
                <span id={`${id}-${value}-help`} className="text-slate-600">
                  {t(`reminder.audienceHelp.${value}`)}
                </span>
              </div>
            </div>
          ))}
        </fieldset>
        <p role="status" className="mt-4 flex items-center gap-2 text-sm font-medium text-slate-900">
          {preview.status === "loading" ? (
            <>
              <Spinner /> {t("reminder.previewLoading")}
            </>
          ) : counts ? (
            t(`reminder.preview.${audience}`, {
              ...counts,
              total: counts.students + counts.guardians,
              // The split is said only when both are there: never « 3 élèves et 0 parent ».
              mixed: counts.students > 0 && counts.guardians > 0 ? "yes" : "no",
            })
          ) : null}
        </p>
        <p className="mt-3 text-sm text-slate-600">{t("reminder.skipNote")}</p>
        {error ? <ErrorAlert className="mt-4">{error}</ErrorAlert> : null}
        <div className="mt-6 flex justify-end gap-2">
          <AlertDialogCancel asChild>
            <Button variant="secondary" disabled={start.pending}>
              {cancel("cancel")}
            </Button>
          </AlertDialogCancel>
          <Button
            onClick={() => void start.execute({ selection, audience })}
            // Not before the count is known, nor for nobody; a count that could not be read leaves the run to say.
            disabled={start.pending || preview.status === "loading" || (!!counts && reminded === 0)}
            aria-busy={start.pending}
          >
            {start.pending ? <Spinner /> : null}
            {t("reminder.confirm")}
          </Button>
        </div>
      </AlertDialogContent>
    </AlertDialog>
  );
}

function reminderCount(counts: ReminderPreview, audience: TBulkAudience): number {
  if (audience === "students") return counts.students;
  if (audience === "guardians") return counts.guardians;
  return counts.students + counts.guardians;
}
