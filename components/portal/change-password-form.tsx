"use client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/error-message";
import { useAction } from "@/components/ui/use-action";
import { changePortalPassword } from "@/lib/actions/portal";

export function ChangePasswordForm() {
  const t = useTranslations("portal.changePassword");
  const tRules = useTranslations("activation");
  const tErrors = useTranslations("errors");
  const describe = useErrorMessage();
  const [done, setDone] = useState(false);
  const { execute, pending, error, fieldErrors } = useAction(changePortalPassword, { unavailable: "sign_in_unavailable" });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setDone(false);
    const result = await execute({ current: form.get("current"), next: form.get("next"), confirmation: form.get("confirmation") });
    if (!result?.ok) return;
    setDone(true);
    formElement.reset();
  }

  // Its fields are passwords: their problems (required, mismatch) are said in one sentence, like a weak password's.
  const fieldProblems = [...new Set(Object.values(fieldErrors ?? {}).flat())];
  const failure = fieldProblems.length ? fieldProblems.map((problem) => tErrors(`password.${problem}`)).join(" ") : describe(error);

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-labelledby="change-password-title">
      <h2 id="change-password-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{tRules("rules")}</p>
      {failure ? <ErrorAlert>{failure}</ErrorAlert> : null}
      {done ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("done")}
        </p>
      ) : null}
      {(["current", "next", "confirmation"] as const).map((field) => (
        <div key={field} className="flex flex-col gap-1.5">
          <Label htmlFor={`change-${field}`}>{t(field)}</Label>
          <Input
            id={`change-${field}`}
            name={field}
            type="password"
            autoComplete={field === "current" ? "current-password" : "new-password"}
            required
          />
        </div>
      ))}
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? <Spinner /> : null}
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
