"use client";
import { elided } from "@/lib/i18n/elision";
import { useTranslations } from "next-intl";
import { useId, useRef, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/error-message";
import { useAction } from "@/components/ui/use-action";
import { changeEmail } from "@/lib/actions/access";
import { LOCALE_NAMES, LOCALES, toLocale, type Locale } from "@/lib/i18n/locales";
import type { TChangeEmail, TPersonRef } from "@/lib/validation/access";

/**
 * Corrects a student's or parent's email and, when their language is known, the language of their
 * emails (« Langue des emails »); the server validates both and revokes pending links on a new address.
 */
export function EditEmailDialog({
  person,
  open,
  onOpenChange,
}: {
  person: { ref: TPersonRef; name: string; email: string | null; locale?: Locale };
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useTranslations();
  const inputId = useId();
  const languageId = useId();
  const describe = useErrorMessage();
  const saved = useRef<TChangeEmail | null>(null);
  const action = useAction(changeEmail, {
    notice: () => t(`access.emailDialog.${savedNotice(person, saved.current)}`),
    onSuccess: () => onOpenChange(false),
  });

  const { execute, pending, reset } = action;
  const error = describe(action.error, action.fieldErrors?.email?.[0]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input: TChangeEmail = { ...person.ref, email: String(form.get("email") ?? "") };
    if (person.locale) input.locale = toLocale(form.get("locale"));
    saved.current = input;
    void execute(input);
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
          {person.locale ? (
            <>
              <Label htmlFor={languageId} className="mt-2">
                {t("access.emailDialog.languageLabel")}
              </Label>
              <NativeSelect
                id={languageId}
                name="locale"
                defaultValue={person.locale}
                aria-describedby={`${languageId}-help`}
                className="w-full"
              >
                {LOCALES.map((locale) => (
                  <option key={locale} value={locale} lang={locale}>
                    {LOCALE_NAMES[locale]}
                  </option>
                ))}
              </NativeSelect>
              <p id={`${languageId}-help`} className="text-sm text-slate-600">
                {t("access.emailDialog.languageHelp")}
              </p>
            </>
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

/** What the notice confirms: the address, the language, or both (the server compares the same way, the address trimmed). */
function savedNotice(person: { email: string | null; locale?: Locale }, input: TChangeEmail | null): "done" | "doneLanguage" | "doneBoth" {
  const emailChanged = input?.email.trim() !== person.email;
  const languageChanged = !!input?.locale && input.locale !== person.locale;
  if (!languageChanged) return "done";
  return emailChanged ? "doneBoth" : "doneLanguage";
}
