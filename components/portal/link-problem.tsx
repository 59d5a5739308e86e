import { useTranslations } from "next-intl";
import Link from "next/link";
import { LINK_FAILURES, type LinkFailure } from "@/lib/errors";
import { PORTAL_FORGOT_PASSWORD_PATH, PORTAL_SIGN_IN_PATH } from "@/lib/routes";
import { RequestLinkForm } from "./request-link-form";

/**
 * Why a link no longer works, in words a student or parent understands, and what to do: ask for a
 * new link, sign in with the password already chosen, or contact the school.
 */
export function LinkProblem({ reason }: { reason: string }) {
  const t = useTranslations("activation.link");
  const tErrors = useTranslations("errors");
  const key = LINK_FAILURES.includes(reason as LinkFailure) ? (reason as LinkFailure) : "unknown";
  const next = key === "disabled" ? "contactSchool" : key === "used" || key === "password_set" ? "signIn" : "newLink";
  return (
    <>
      <h1 className="mt-4 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{tErrors(`link.${key}`)}</p>
      <p className="mt-2 text-slate-700">{t(`whatToDo.${next}`)}</p>
      {next === "newLink" ? <RequestLinkForm /> : null}
      {next === "signIn" ? (
        <p className="mt-4 flex flex-wrap gap-x-4 gap-y-2 text-sm">
          <Link href={PORTAL_SIGN_IN_PATH} className="font-medium text-indigo-800 hover:underline">
            {t("signIn")}
          </Link>
          <Link href={PORTAL_FORGOT_PASSWORD_PATH} className="text-indigo-800 hover:underline">
            {t("forgot")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
