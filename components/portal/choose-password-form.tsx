"use client";
import { CheckCircle2, Eye, EyeOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState, type FormEvent } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/ui/error-message";
import { useAction } from "@/components/ui/use-action";
import { meterScore } from "@/lib/access/password-meter";
import { choosePassword } from "@/lib/actions/portal";
import { portalHomePath, portalSignInPath } from "@/lib/routes";
import { LinkProblem } from "./link-problem";

/**
 * Strength from 0 to 4, computed in the browser with the same rules as the server (loaded on first
 * use). The page gives the person's name; their full email stays on the server, which checks it too.
 */
function useStrength(password: string, names: string[]): number | null {
  const [score, setScore] = useState<number | null>(null);
  useEffect(() => {
    if (!password) {
      setScore(null);
      return;
    }
    let current = true;
    const timer = setTimeout(async () => {
      const { checkPassword } = await import("@/lib/access/password-policy");
      if (current) setScore(checkPassword(password, { names, email: null }).score);
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, names]);
  return score;
}

const METER_COLOURS = ["bg-red-600", "bg-red-500", "bg-amber-500", "bg-emerald-500", "bg-emerald-600"];

export function ChoosePasswordForm({ token, names }: { token: string; names: string[] }) {
  const t = useTranslations("activation");
  const tErrors = useTranslations("errors");
  const ids = { password: useId(), confirmation: useId() };
  const [password, setPassword] = useState("");
  const [visible, setVisible] = useState(false);
  const [done, setDone] = useState<{ email: string; reset: boolean; signedIn: boolean } | null>(null);
  const strength = useStrength(password, names);
  // The password the server last refused: the server also checks the full email, which the browser does not have.
  const [submitted, setSubmitted] = useState<string | null>(null);
  const describe = useErrorMessage();
  const { execute, pending, error, fieldErrors } = useAction(choosePassword, {
    onSuccess: (data) => {
      setDone(data);
      // replace(): the used link leaves the history, so "Back" does not lead to a dead page.
      // Where a person lands once their password is saved: their espace étudiant, signed in, with a
      // note that speaks of a first password or of a new one.
      if (data.signedIn) window.location.replace(portalHomePath({ welcome: data.reset ? "reset" : "activation" }));
    },
  });
  const linkProblem = error?.code === "link_unusable" ? error.reason : null;
  // Field errors go next to their field; any other failure above the form.
  const formError = fieldErrors?.password || fieldErrors?.confirmation || linkProblem ? null : describe(error);
  const score = strength === null ? null : meterScore(strength, !!fieldErrors?.password?.length && submitted === password);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSubmitted(String(form.get("password") ?? ""));
    void execute({ token, password: String(form.get("password") ?? ""), confirmation: String(form.get("confirmation") ?? "") });
  }

  if (linkProblem) return <LinkProblem reason={linkProblem} />;
  if (done) {
    return (
      <div role="status" className="mt-6 flex flex-col gap-2">
        <p className="flex items-center gap-2 text-lg font-semibold text-emerald-800">
          <CheckCircle2 aria-hidden className="h-5 w-5" /> {t("done.title")}
        </p>
        <p className="text-slate-700">{t(done.reset ? "done.resetDescription" : "done.description", { email: done.email })}</p>
        {done.signedIn ? (
          <p className="flex items-center gap-2 text-slate-700">
            <Spinner /> {t("done.redirecting")}
          </p>
        ) : (
          <a href={portalSignInPath({ email: done.email })} className={buttonClasses({ className: "mt-2 justify-center" })}>
            {t("done.signIn")}
          </a>
        )}
      </div>
    );
  }

  const passwordErrors = fieldErrors?.password ?? [];
  const confirmationErrors = fieldErrors?.confirmation ?? [];
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-4">
      {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
      <p id={`${ids.password}-rules`} className="text-sm text-slate-600">
        {t("rules")}
      </p>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={ids.password}>{t("password")}</Label>
        <Input
          id={ids.password}
          name="password"
          type={visible ? "text" : "password"}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={passwordErrors.length > 0}
          aria-describedby={`${ids.password}-rules ${ids.password}-strength ${ids.password}-errors`}
        />
        <div id={`${ids.password}-strength`} aria-live="polite" className="flex items-center gap-2 text-xs text-slate-600">
          {score !== null ? (
            <>
              <span className="flex flex-1 gap-1" aria-hidden>
                {[0, 1, 2, 3].map((bar) => (
                  <span
                    key={bar}
                    className={`h-1.5 flex-1 rounded-full ${bar < Math.max(1, score) ? METER_COLOURS[score] : "bg-slate-200"}`}
                  />
                ))}
              </span>
              <span>
                {t("strength.label")} : {t(`strength.${score}` as "strength.0")}
              </span>
            </>
          ) : null}
        </div>
        <ul id={`${ids.password}-errors`} className="text-sm text-red-700">
          {passwordErrors.map((problem) => (
            <li key={problem}>{tErrors(`password.${problem}`)}</li>
          ))}
        </ul>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={ids.confirmation}>{t("confirmation")}</Label>
        <Input
          id={ids.confirmation}
          name="confirmation"
          type={visible ? "text" : "password"}
          autoComplete="new-password"
          aria-invalid={confirmationErrors.length > 0}
          aria-describedby={`${ids.confirmation}-errors`}
        />
        <ul id={`${ids.confirmation}-errors`} className="text-sm text-red-700">
          {confirmationErrors.map((problem) => (
            <li key={problem}>{tErrors(`password.${problem}`)}</li>
          ))}
        </ul>
      </div>
      <Button variant="ghost" size="sm" className="self-start" aria-pressed={visible} onClick={() => setVisible((shown) => !shown)}>
        {visible ? <EyeOff aria-hidden className="h-4 w-4" /> : <Eye aria-hidden className="h-4 w-4" />}
        {visible ? t("hide") : t("show")}
      </Button>
      <Button type="submit" disabled={pending} className="justify-center">
        {pending ? <Spinner /> : null}
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
