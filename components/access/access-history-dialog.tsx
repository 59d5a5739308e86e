"use client";
import { useFormatter, useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogTitle } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { getAccessHistory } from "@/lib/actions/access";
import type { AccessHistoryEntry } from "@/lib/data/access-overview";
import { errorMessage } from "@/components/ui/error-message";
import { useOpenQuery } from "@/components/ui/use-open-query";
import type { TPersonRef } from "@/lib/validation/access";
import { ErrorAlert } from "@/components/ui/error-alert";

/** The event's label: a reminder without a staff member is an automatic one. */
function eventLabel(entry: AccessHistoryEntry): string {
  return entry.type === "reminder_sent" && !entry.actor ? "reminder_auto" : entry.type;
}

/** "Historique": who did what to the access, when, whether a copy was asked, and what became of each email. */
export function AccessHistoryDialog({
  person,
  open,
  onOpenChange,
}: {
  person: { ref: TPersonRef; name: string };
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const { studentId, guardianId } = person.ref;
  const state = useOpenQuery(open, `${studentId} ${guardianId ?? ""}`, () => getAccessHistory({ studentId, guardianId }));

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t("access.close")} aria-describedby={undefined} className="max-h-[85vh] overflow-y-auto">
        <DialogTitle className="pr-8 text-lg font-semibold">{t("access.historyDialog.title", { name: person.name })}</DialogTitle>
        {state.status === "loading" ? (
          <p role="status" className="mt-4 flex items-center gap-2 text-sm text-slate-600">
            <Spinner /> {t("access.historyDialog.loading")}
          </p>
        ) : state.status === "error" ? (
          <ErrorAlert className="mt-4">{errorMessage(t, state.error)}</ErrorAlert>
        ) : state.data.length === 0 ? (
          <p className="mt-4 text-sm text-slate-600">{t("access.historyDialog.empty")}</p>
        ) : (
          <ol className="mt-4 flex flex-col gap-3">
            {state.data.map((entry) => (
              <li key={entry.id} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="font-medium">
                  {t(`access.historyDialog.events.${eventLabel(entry)}` as "access.historyDialog.events.enabled", {
                    email: entry.email ?? "",
                  })}
                </p>
                <p className="text-slate-600">
                  {format.dateTime(new Date(entry.at), { dateStyle: "long", timeStyle: "short" })}
                  {entry.actor ? ` · ${t("access.historyDialog.by", { name: entry.actor })}` : ""}
                  {entry.copyRequested ? ` · ${t("access.historyDialog.copy")}` : ""}
                </p>
                {entry.deliveries.length ? (
                  <ul className="mt-1 text-slate-700">
                    {entry.deliveries.map((delivery, index) => (
                      <li key={index}>
                        {t(delivery.isCopy ? "access.historyDialog.copyDelivery" : "access.historyDialog.delivery", {
                          to: delivery.to,
                          status: t(`access.outbox.${delivery.status}`),
                        })}
                        {delivery.error ? <span className="block text-xs text-red-700">{delivery.error}</span> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </DialogContent>
    </Dialog>
  );
}
