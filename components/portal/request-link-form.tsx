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
import { requestNewLink } from "@/lib/actions/portal";

/** Asks for a fresh activation link by email; always the same answer, whatever the address. */
export function RequestLinkForm() {
  const t = useTranslations("portal.requestLink");
  const [sent, setSent] = useState(false);
  const describe = useErrorMessage();
  const { execute, pending, error, fieldErrors } = useAction(requestNewLink, {
    unavailable: "sign_in_unavailable",
    onSuccess: () => setSent(true),
  });
  const message = describe(error, fieldErrors?.email?.[0]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void execute({ email: new FormData(event.currentTarget).get("email") });
  }

  if (sent) {
    return (
      <p role="status" className="mt-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        {t("sent")}
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-col gap-3">
      {message ? <ErrorAlert>{message}</ErrorAlert> : null}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="request-link-email">{t("email")}</Label>
        <Input id="request-link-email" name="email" type="email" autoComplete="email" required />
      </div>
      <Button type="submit" disabled={pending} className="justify-center">
        {pending ? <Spinner /> : null}
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
