"use client";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { requestNewLink } from "@/lib/actions/portal";

/** Asks for a fresh activation link by email; always the same answer, whatever the address. */
export function RequestLinkForm() {
  const t = useTranslations("portal.requestLink");
  const tSignIn = useTranslations("portal.signIn");
  const [state, setState] = useState<"idle" | "pending" | "sent" | "required" | "invalid_email" | "unavailable">("idle");
  const inFlight = useRef(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setState("pending");
    try {
      const result = await requestNewLink({ email: new FormData(event.currentTarget).get("email") });
      setState(result.ok ? "sent" : result.error);
    } catch {
      setState("unavailable");
    } finally {
      inFlight.current = false;
    }
  }

  if (state === "sent") {
    return (
      <p role="status" className="mt-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        {t("sent")}
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-col gap-3">
      {state === "required" ? <ErrorAlert>{t("required")}</ErrorAlert> : null}
      {state === "invalid_email" ? <ErrorAlert>{t("invalid_email")}</ErrorAlert> : null}
      {state === "unavailable" ? <ErrorAlert>{tSignIn("unavailable")}</ErrorAlert> : null}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="request-link-email">{t("email")}</Label>
        <Input id="request-link-email" name="email" type="email" autoComplete="email" required />
      </div>
      <Button type="submit" disabled={state === "pending"} className="justify-center">
        {state === "pending" ? <Spinner /> : null}
        {state === "pending" ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
