"use client";
import { Eye, EyeOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/error-message";
import { useAction } from "@/components/ui/use-action";
import { portalSignIn } from "@/lib/actions/portal";
import { PORTAL_HOME_PATH } from "@/lib/routes";

export function PortalSignInForm({ email, initialProblem }: { email: string; initialProblem: "expired" | null }) {
  const t = useTranslations("portal.signIn");
  const describe = useErrorMessage();
  const router = useRouter();
  // Said once, on arrival from a session that ended; the next attempt replaces it.
  const [expired, setExpired] = useState(initialProblem === "expired");
  const [visible, setVisible] = useState(false);
  const { execute, pending, error, fieldErrors } = useAction(portalSignIn, {
    unavailable: "sign_in_unavailable",
    onSuccess: () => {
      router.replace(PORTAL_HOME_PATH);
      router.refresh();
    },
  });
  const problem = describe(error ?? (expired ? { code: "session_expired" } : null), fieldErrors?.email?.[0] ?? fieldErrors?.password?.[0]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setExpired(false);
    void execute({ email: form.get("email"), password: form.get("password") });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-4">
      {problem ? <ErrorAlert>{problem}</ErrorAlert> : null}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="portal-email">{t("email")}</Label>
        <Input id="portal-email" name="email" type="email" autoComplete="username" defaultValue={email} required />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="portal-password">{t("password")}</Label>
        <div className="relative">
          <Input
            id="portal-password"
            name="password"
            type={visible ? "text" : "password"}
            autoComplete="current-password"
            required
            className="pr-11"
            autoFocus={!!email}
          />
          <button
            type="button"
            onClick={() => setVisible((shown) => !shown)}
            aria-label={visible ? t("hidePassword") : t("showPassword")}
            aria-pressed={visible}
            className="absolute inset-y-0 right-0 flex w-10 items-center justify-center rounded-r-md text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {visible ? <EyeOff aria-hidden className="h-4 w-4" /> : <Eye aria-hidden className="h-4 w-4" />}
          </button>
        </div>
      </div>
      <Button type="submit" disabled={pending} className="justify-center">
        {pending ? <Spinner /> : null}
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
