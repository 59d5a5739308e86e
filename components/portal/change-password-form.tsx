"use client";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { changeMyPassword, type ChangePortalPasswordResult } from "@/lib/actions/portal";

type Failure = Extract<ChangePortalPasswordResult, { ok: false }>;

export function ChangePasswordForm() {
  const t = useTranslations("portal.changePassword");
  const tRules = useTranslations("activation");
  const tSignIn = useTranslations("portal.signIn");
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const inFlight = useRef(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    inFlight.current = true;
    setPending(true);
    setFailure(null);
    setDone(false);
    try {
      const result = await changeMyPassword({ current: form.get("current"), next: form.get("next"), confirmation: form.get("confirmation") });
      if (result.ok) {
        setDone(true);
        formElement.reset();
      } else setFailure(result);
    } catch {
      setFailure({ ok: false, error: "unavailable" });
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }

  const message = (value: Failure) => {
    if (value.error === "weak_password") return value.problems.map((problem) => tRules(`problems.${problem}`)).join(" ");
    if (value.error === "mismatch") return tRules("problems.mismatch");
    if (value.error === "required") return tRules("problems.required");
    if (value.error === "unavailable") return tSignIn("unavailable");
    if (value.error === "too_many") return t("too_many", { minutes: value.minutes });
    return t(value.error);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-labelledby="change-password-title">
      <h2 id="change-password-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{tRules("rules")}</p>
      {failure ? <ErrorAlert>{message(failure)}</ErrorAlert> : null}
      {done ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("done")}
        </p>
      ) : null}
      {(["current", "next", "confirmation"] as const).map((field) => (
        <div key={field} className="flex flex-col gap-1.5">
          <Label htmlFor={`change-${field}`}>{t(field)}</Label>
          <Input id={`change-${field}`} name={field} type="password" autoComplete={field === "current" ? "current-password" : "new-password"} required />
        </div>
      ))}
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? <Spinner /> : null}
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
