import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { ChoosePasswordForm } from "@/components/portal/choose-password-form";
import { LinkProblem } from "@/components/portal/link-problem";
import { describeActivationLink } from "@/lib/data/portal-activation";
import { elided } from "@/lib/i18n/elision";

// The token is in the URL: never send it to other sites, never index the page. The title is the page's heading.
export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const link = await describeActivationLink((await params).token);
  const t = await getTranslations("activation");
  const title = !link.ok ? t("link.title") : link.target.purpose === "reset" ? t("resetTitle") : t("title");
  return { title, referrer: "no-referrer", robots: { index: false, follow: false } };
}

/** The page an activation email links to. Opening it never uses the link up: only submitting does. */
export default async function ActivationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await describeActivationLink(token);
  const t = await getTranslations("activation");
  if (!link.ok) return <LinkProblem reason={link.reason} />;
  return (
    <>
      <h1 className="mt-4 text-2xl font-semibold">{link.target.purpose === "reset" ? t("resetTitle") : t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("for", elided(link.target.schoolName, "school"))}</p>
      <p className="mt-3 text-sm">{t("account", { ...elided(link.target.name), email: link.target.maskedEmail })}</p>
      <ClientMessages group="choosePassword">
        <ChoosePasswordForm token={token} names={[link.target.name]} />
      </ClientMessages>
    </>
  );
}
