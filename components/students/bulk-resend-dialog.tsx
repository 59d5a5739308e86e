"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogTitle } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/error-message";
import { useAction } from "@/components/ui/use-action";
import { startBulkSend, summarizeBulkSend } from "@/lib/actions/bulk";
import type { BulkSummary } from "@/lib/data/bulk-sends";
import { shapeOf, type AppErrorShape, type SkipReason } from "@/lib/errors";
import { bulkSendPath } from "@/lib/routes";
import type { TBulkSelection } from "@/lib/validation/bulk";
import { ErrorAlert } from "@/components/ui/error-alert";

type State = { status: "loading" } | { status: "ready"; summary: BulkSummary } | { status: "error"; error: AppErrorShape };

/** The bulk summary: how many will receive the email, how many are skipped and why; then the start. */
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
  const [state, setState] = useState<State>({ status: "loading" });
  // Stays busy once started: the progress page is on its way.
  const start = useAction(startBulkSend, { busyAfterSuccess: true, onSuccess: ({ bulkSendId }) => router.push(bulkSendPath(bulkSendId)) });
  const starting = start.pending;
  const selectionKey = JSON.stringify(selection);

  useEffect(() => {
    if (!open) return;
    let current = true;
    setState({ status: "loading" });
    summarizeBulkSend({ selection: JSON.parse(selectionKey) })
      .then(
        (result) =>
          current && setState(result.ok ? { status: "ready", summary: result.data } : { status: "error", error: shapeOf(result) }),
      )
      .catch(() => current && setState({ status: "error", error: { code: "network" } }));
    return () => {
      current = false;
    };
  }, [open, selectionKey]);

  const summary = "summary" in state ? state.summary : undefined;
  const error = describe(start.error ?? (state.status === "error" ? state.error : null));
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (starting) return;
        if (!next) start.reset();
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
                <p className="text-base font-medium text-slate-900">{t("bulk.willReceive", { count: summary.willReceive })}</p>
                {summary.willEnable ? <p>{t("bulk.willEnable", { count: summary.willEnable })}</p> : null}
                {summary.total > summary.willReceive ? (
                  <div>
                    <p className="font-medium">{t("bulk.skippedTitle")}</p>
                    <ul className="list-disc pl-5">
                      {(Object.keys(summary.skipped) as SkipReason[])
                        .filter((reason) => summary.skipped[reason] > 0)
                        .map((reason) => (
                          <li key={reason}>{t(`bulk.skipped.${reason}`, { count: summary.skipped[reason] })}</li>
                        ))}
                    </ul>
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
          <Button onClick={() => void start.execute({ selection })} disabled={!summary || summary.willReceive === 0 || starting}>
            {starting ? <Spinner /> : null}
            {t("bulk.confirm", { count: summary?.willReceive ?? 0 })}
          </Button>
        </div>
      </AlertDialogContent>
    </AlertDialog>
  );
}
