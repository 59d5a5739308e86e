"use client";
import { elided } from "@/lib/i18n/elision";
import { useTranslations } from "next-intl";
import { useId, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/error-message";
import { useAction } from "@/components/ui/use-action";
import { changeEmail } from "@/lib/actions/access";
import type { TPersonRef } from "@/lib/validation/access";

/** Corrects a student's or parent's email; the server validates it and revokes pending links. */
export function EditEmailDialog({
  person,
  open,
  onOpenChange,
}: {
  person: { ref: TPersonRef; name: string; email: string | null };
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useTranslations();
  const inputId = useId();
  const describe = useErrorMessage();
  const action = useAction(changeEmail, {
    notice: () => t("access.emailDialog.done"),
    onSuccess: () => onOpenChange(false),
  });

  const { execute, pending, reset } = action;
  const error = describe(action.error, action.fieldErrors?.email?.[0]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void execute({ ...person.ref, email: String(new FormData(event.currentTarget).get("email") ?? "") });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (pending ? null : (reset(), onOpenChange(next)))}>
      <DialogContent closeLabel={t("access.close")}>
        <DialogTitle className="pr-8 text-lg font-semibold">{t("access.emailDialog.title", elided(person.name))}</DialogTitle>
        <DialogDescription className="mt-2 text-sm text-slate-700">{t("access.emailDialog.help")}</DialogDescription>
        <form onSubmit={submit} noValidate className="mt-4 flex flex-col gap-2">
          <Label htmlFor={inputId}>{t("access.emailDialog.label")}</Label>
          <Input
            id={inputId}
            name="email"
            type="email"
            autoComplete="off"
            defaultValue={person.email ?? ""}
            maxLength={254}
            required
            aria-invalid={!!error}
            aria-describedby={error ? `${inputId}-error` : undefined}
          />
          {error ? (
            <p id={`${inputId}-error`} role="alert" className="text-sm text-red-700">
              {error}
            </p>
          ) : null}
          <div className="mt-4 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={pending}>
              {t("access.cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? <Spinner /> : null}
              {t("access.emailDialog.confirm")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
