"use client";
import { elided } from "@/lib/i18n/elision";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogTitle } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/error-message";
import { useAction } from "@/components/ui/use-action";
import { useOpenQuery } from "@/components/ui/use-open-query";
import { startBulkSend, summarizeBulkSend } from "@/lib/actions/bulk";
import type { BulkSummary } from "@/lib/data/bulk-sends";
import type { ActivationSkipReason } from "@/lib/errors";
import { bulkSendPath, studentPath } from "@/lib/routes";
import type { TBulkSelection } from "@/lib/validation/bulk";
import { ErrorAlert } from "@/components/ui/error-alert";

/**
 * The bulk summary: how many will receive the email, who is skipped and why (each name opens the
 * profile where the address can be fixed), whether people who already chose a password are included;
 * then the start.
 */
export function BulkResendDialog({
  selection,
  open,
  onOpenChange,
}: {
  selection: TBulkSelection;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useTranslations();
  const router = useRouter();
  const describe = useErrorMessage();
  const selectionKey = JSON.stringify(selection);
  const state = useOpenQuery<BulkSummary>(open, selectionKey, () => summarizeBulkSend({ selection }));
  // Off at each opening (reset on closing, as the reminder dialog resets its audience): people who
  // already chose a password are left out unless ticked.
  const [includeWithPassword, setIncludeWithPassword] = useState(false);
  // Stays busy once started: the progress page is on its way.
  const start = useAction(startBulkSend, { busyAfterSuccess: true, onSuccess: ({ bulkSendId }) => router.push(bulkSendPath(bulkSendId)) });
  const starting = start.pending;

  const summary = state.status === "ready" ? state.data : undefined;
  const receiving = summary ? summary.willReceive - (includeWithPassword ? 0 : summary.withPassword) : 0;
  const error = describe(start.error ?? (state.status === "error" ? state.error : null));
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (starting) return;
        if (!next) {
          start.reset();
          setIncludeWithPassword(false);
        }
        onOpenChange(next);
      }}
    >
      <AlertDialogContent>
        <AlertDialogTitle className="text-lg font-semibold">{t("bulk.summaryTitle")}</AlertDialogTitle>
        <AlertDialogDescription asChild>
          <div className="mt-3 flex flex-col gap-2 text-sm text-slate-700">
            {state.status === "loading" ? (
              <p role="status" className="flex items-center gap-2">
                <Spinner /> {t("bulk.summaryLoading")}
              </p>
            ) : null}
            {summary ? (
              <>
                <p className="text-base font-medium text-slate-900">{t("bulk.willReceive", { count: receiving })}</p>
                {summary.willEnable ? <p>{t("bulk.willEnable", { count: summary.willEnable })}</p> : null}
                {summary.total > summary.willReceive ? (
                  <div>
                    <p className="font-medium">{t("bulk.skippedTitle")}</p>
                    <ul className="list-disc pl-5">
                      {(Object.keys(summary.skipped) as ActivationSkipReason[])
                        .filter((reason) => summary.skipped[reason] > 0)
                        .map((reason) => (
                          <li key={reason}>
                            {t(`bulk.skipped.${reason}`, { count: summary.skipped[reason] })}
                            <ul className="mt-1 mb-2 flex flex-wrap gap-x-3 gap-y-1">
                              {summary.skippedPeople[reason].map((person) => (
                                <li key={person.id}>
                                  <Link
                                    href={studentPath(person.id)}
                                    className="text-indigo-700 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-indigo-600"
                                    aria-label={t("bulk.openProfile", elided(person.name))}
                                  >
                                    {person.name}
                                  </Link>
                                </li>
                              ))}
                              {summary.skipped[reason] > summary.skippedPeople[reason].length ? (
                                <li>
                                  {t("bulk.skippedOthers", { count: summary.skipped[reason] - summary.skippedPeople[reason].length })}
                                </li>
                              ) : null}
                            </ul>
                          </li>
                        ))}
                    </ul>
                  </div>
                ) : null}
                {summary.withPassword ? (
                  <div className="rounded-md bg-slate-50 p-3">
                    <p>{t("bulk.withPassword", { count: summary.withPassword })}</p>
                    <div className="mt-2 flex items-center gap-2">
                      <Checkbox
                        id="bulk-include-with-password"
                        checked={includeWithPassword}
                        onCheckedChange={setIncludeWithPassword}
                        disabled={starting}
                      />
                      <label htmlFor="bulk-include-with-password" className="cursor-pointer">
                        {t("bulk.includeWithPassword")}
                      </label>
                    </div>
                  </div>
                ) : null}
                <p className="text-slate-600">{t("bulk.replaceNote")}</p>
              </>
            ) : null}
          </div>
        </AlertDialogDescription>
        {error ? <ErrorAlert className="mt-4">{error}</ErrorAlert> : null}
        <div className="mt-6 flex justify-end gap-2">
          <AlertDialogCancel asChild>
            <Button variant="secondary" disabled={starting}>
              {t("access.cancel")}
            </Button>
          </AlertDialogCancel>
          <Button onClick={() => void start.execute({ selection, includeWithPassword })} disabled={!summary || receiving === 0 || starting}>
            {starting ? <Spinner /> : null}
            {t("bulk.confirm", { count: receiving })}
          </Button>
        </div>
      </AlertDialogContent>
    </AlertDialog>
  );
}
