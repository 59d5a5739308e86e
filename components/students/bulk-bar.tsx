"use client";
import { BellRing, Mail } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { loadOnOpen } from "@/components/ui/load-on-open";
import type { TBulkSelection } from "@/lib/validation/bulk";

// The summary dialog's code loads when it is first opened.
const BulkResendDialog = loadOnOpen(() => import("./bulk-resend-dialog").then((module) => module.BulkResendDialog));
const BulkReminderDialog = loadOnOpen(() => import("./bulk-reminder-dialog").then((module) => module.BulkReminderDialog));

/** Shown while rows are selected: the count, "select all N matching", the bulk resend and « Relancer ». */
export function BulkBar({
  selectedCount,
  allMatching,
  total,
  totalCapped = false,
  pageFullySelected,
  selection,
  onSelectAllMatching,
  onClear,
}: {
  selectedCount: number;
  allMatching: boolean;
  total: number;
  /** More students match than a bulk send takes: « tout sélectionner » is not offered. */
  totalCapped?: boolean;
  pageFullySelected: boolean;
  selection: TBulkSelection;
  onSelectAllMatching: () => void;
  onClear: () => void;
}) {
  const t = useTranslations("bulk");
  const [open, setOpen] = useState<"resend" | "remind" | null>(null);
  const count = allMatching ? total : selectedCount;
  const close = (next: boolean) => (next ? null : setOpen(null));
  return (
    <div
      role="region"
      aria-label={t("selected", { count })}
      className="mt-4 flex flex-wrap items-center gap-3 rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-2 text-sm"
    >
      <p className="font-medium text-indigo-900" aria-live="polite">
        {allMatching ? t("allMatchingSelected", { count: total }) : t("selected", { count: selectedCount })}
      </p>
      {!allMatching && pageFullySelected && total > selectedCount ? (
        totalCapped ? (
          <p className="text-indigo-900">{t("tooManyToSelect", { count: total })}</p>
        ) : (
          <Button variant="ghost" size="sm" onClick={onSelectAllMatching}>
            {t("selectAllMatching", { count: total })}
          </Button>
        )
      ) : null}
      <Button variant="ghost" size="sm" onClick={onClear}>
        {t("clear")}
      </Button>
      <Button size="sm" className="ml-auto" onClick={() => setOpen("resend")}>
        <Mail aria-hidden className="h-4 w-4" />
        {t("button")}
      </Button>
      <Button size="sm" variant="secondary" onClick={() => setOpen("remind")}>
        <BellRing aria-hidden className="h-4 w-4" />
        {t("remindButton")}
      </Button>
      <BulkResendDialog selection={selection} open={open === "resend"} onOpenChange={close} />
      <BulkReminderDialog selection={selection} count={count} open={open === "remind"} onOpenChange={close} />
    </div>
  );
}
