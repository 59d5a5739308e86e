"use client";
import { useTranslations } from "next-intl";
import { useRef, useState, type ReactNode } from "react";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogTitle } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { ActionResult, ErrorCode } from "@/lib/errors";
import { ErrorAlert } from "@/components/ui/error-alert";

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
  const [pending, setPending] = useState(false);
  const inFlight = useRef(false);
  const [error, setError] = useState<ErrorCode | "network" | null>(null);

  async function confirm() {
    // A double click lands before React re-renders the disabled button: ignore the second one.
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    setError(null);
    try {
      const result = await action();
      if (result.ok) {
        onOpenChange(false);
        onDone(result.data);
      } else {
        setError(result.error);
      }
    } catch {
      setError("network");
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        if (!next) setError(null);
        onOpenChange(next);
      }}
    >
      <AlertDialogContent>
        <AlertDialogTitle className="text-lg font-semibold">{title}</AlertDialogTitle>
        <AlertDialogDescription asChild>
          <div className="mt-2 flex flex-col gap-2 text-sm text-slate-700">{description}</div>
        </AlertDialogDescription>
        {children ? <div className="mt-4">{children}</div> : null}
        {error ? (
          <ErrorAlert className="mt-4">
            {t(`errors.${error}`)}
          </ErrorAlert>
        ) : null}
        <div className="mt-6 flex justify-end gap-2">
          <AlertDialogCancel asChild>
            <Button variant="secondary" disabled={pending}>
              {t("access.cancel")}
            </Button>
          </AlertDialogCancel>
          <Button variant={tone} onClick={confirm} disabled={pending} aria-busy={pending}>
            {pending ? <Spinner /> : null}
            {confirmLabel}
          </Button>
        </div>
      </AlertDialogContent>
    </AlertDialog>
  );
}
