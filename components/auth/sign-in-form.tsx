"use client";
import { Eye, EyeOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { signInWithPassword } from "@/lib/auth-client";
import { HOME_PATH } from "@/lib/routes";
import { decodeSignInError, type AppErrorShape } from "@/lib/errors";
import { useErrorMessage } from "@/components/ui/error-message";

/** Staff sign-in: one generic error whatever was wrong, so it does not tell which accounts exist. */
export function SignInForm({ returnPath = HOME_PATH }: { returnPath?: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const errorId = useId();
  const describe = useErrorMessage();
  // next-auth's sign-in is not a server action (no useAction), but its errors are the same vocabulary.
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [passwordVisible, setPasswordVisible] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError({ code: "credentials_required" });
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const result = await signInWithPassword(email, password);
      if (result.ok && !result.error) {
        router.replace(returnPath);
        router.refresh();
        return;
      }
      setError(decodeSignInError(result));
    } catch {
      setError({ code: "sign_in_unavailable" });
    }
    setSubmitting(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-4" aria-describedby={error ? errorId : undefined}>
      {error ? (
        <p id={errorId} role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {describe(error)}
        </p>
      ) : null}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="email">{t("email")}</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus aria-invalid={!!error} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="password">{t("password")}</Label>
        <div className="relative">
          <Input
            id="password"
            name="password"
            type={passwordVisible ? "text" : "password"}
            autoComplete="current-password"
            required
            aria-invalid={!!error}
            className="pr-11"
          />
          <button
            type="button"
            onClick={() => setPasswordVisible((visible) => !visible)}
            aria-label={passwordVisible ? t("hidePassword") : t("showPassword")}
            aria-pressed={passwordVisible}
            className="absolute inset-y-0 right-0 flex w-10 items-center justify-center rounded-r-md text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {passwordVisible ? <EyeOff aria-hidden className="h-4 w-4" /> : <Eye aria-hidden className="h-4 w-4" />}
          </button>
        </div>
      </div>
      <Button type="submit" disabled={submitting} className="justify-center">
        {submitting ? <Spinner /> : null}
        {submitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
