import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getPortalSession } from "@/lib/portal/session";
import { PORTAL_FORGOT_PASSWORD_PATH, PORTAL_HOME_PATH, readPortalSignInParams } from "@/lib/routes";
import { ClientMessages } from "@/components/layout/client-messages";
import { PortalSignInForm } from "@/components/portal/portal-sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portal.signIn");
  return { title: t("title") };
}

/** Students' and parents' sign-in, separate from the staff one. */
export default async function PortalSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { email, expired } = readPortalSignInParams(await searchParams);
  // Already signed in (a session that still stands): straight to the home page.
  if (!expired && (await getPortalSession())) redirect(PORTAL_HOME_PATH);
  const t = await getTranslations("portal.signIn");
  const tLink = await getTranslations("portal.requestLink");
  return (
    <>
      <h1 className="mt-4 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
      <ClientMessages group="portalSignIn">
        <PortalSignInForm email={email} initialProblem={expired ? "expired" : null} />
      </ClientMessages>
      <p className="mt-4 text-center text-sm">
        <Link href={PORTAL_FORGOT_PASSWORD_PATH} className="text-indigo-800 hover:underline">
          {tLink("forgot")}
        </Link>
      </p>
    </>
  );
}
