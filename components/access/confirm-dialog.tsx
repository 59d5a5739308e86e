"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogTitle } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { ActionResult } from "@/lib/errors";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useErrorMessage } from "@/components/ui/error-message";
import { useAction } from "@/components/ui/use-action";

/**
 * The confirmation every access action goes through: says what will happen, runs the action on
 * confirm (button busy, dialog kept open), shows a French error in place, closes on success.
 */
export function ConfirmDialog<T>({
  open,
  onOpenChange,
  title,
  description,
  children,
  confirmLabel,
  tone = "primary",
  action,
  onDone,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  tone?: "primary" | "danger";
  action: () => Promise<ActionResult<T>>;
  onDone: (data: T) => void;
}) {
  const t = useTranslations();
  const describe = useErrorMessage();
  const { execute, pending, error, reset } = useAction(action, {
    onSuccess: (data) => {
      onOpenChange(false);
      onDone(data);
    },
  });

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        if (!next) reset();
        onOpenChange(next);
      }}
    >
      <AlertDialogContent>
        <AlertDialogTitle className="text-lg font-semibold">{title}</AlertDialogTitle>
        <AlertDialogDescription asChild>
          <div className="mt-2 flex flex-col gap-2 text-sm text-slate-700">{description}</div>
        </AlertDialogDescription>
        {children ? <div className="mt-4">{children}</div> : null}
        {error ? <ErrorAlert className="mt-4">{describe(error)}</ErrorAlert> : null}
        <div className="mt-6 flex justify-end gap-2">
          <AlertDialogCancel asChild>
            <Button variant="secondary" disabled={pending}>
              {t("access.cancel")}
            </Button>
          </AlertDialogCancel>
          <Button variant={tone} onClick={() => void execute(undefined)} disabled={pending} aria-busy={pending}>
            {pending ? <Spinner /> : null}
            {confirmLabel}
          </Button>
        </div>
      </AlertDialogContent>
    </AlertDialog>
  );
}
