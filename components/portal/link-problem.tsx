import { useTranslations } from "next-intl";
import { RequestLinkForm } from "./request-link-form";

export type LinkProblemReason = "expired" | "used" | "revoked" | "unknown" | "malformed" | "disabled";

/** Why a link no longer works, in words a student or parent understands, and what to do. */
export function LinkProblem({ reason }: { reason: string }) {
  const t = useTranslations("activation.link");
  const known: LinkProblemReason[] = ["expired", "used", "revoked", "unknown", "malformed", "disabled"];
  const key = known.includes(reason as LinkProblemReason) ? (reason as LinkProblemReason) : "unknown";
  return (
    <>
      <h1 className="mt-4 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t(key)}</p>
      <p className="mt-2 text-slate-700">{t("whatToDo")}</p>
      {reason === "used" || reason === "disabled" ? null : <RequestLinkForm />}
    </>
  );
}
