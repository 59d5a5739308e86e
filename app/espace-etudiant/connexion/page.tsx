import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { portalSessionStands } from "@/lib/data/portal-sessions";
import { readPortalCookie } from "@/lib/portal/session";
import { ClientMessages } from "@/components/layout/client-messages";
import { PortalSignInForm } from "@/components/portal/portal-sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portal.signIn");
  return { title: t("title") };
}

/** Students' and parents' sign-in, separate from the staff one. */
export default async function PortalSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Already signed in (a session that still stands): straight to the home page.
  const session = await readPortalCookie();
  if (session && params.session !== "expiree" && (await portalSessionStands(session))) redirect("/espace-etudiant");
  const email = typeof params.email === "string" ? params.email.slice(0, 254) : "";
  const t = await getTranslations("portal.signIn");
  const tLink = await getTranslations("portal.requestLink");
  return (
    <main id="contenu" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-lg font-bold text-indigo-700">Sésame</p>
        <h1 className="mt-4 text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
        <ClientMessages group="portalSignIn">
          <PortalSignInForm email={email} initialProblem={params.session === "expiree" ? "expired" : null} />
        </ClientMessages>
        <p className="mt-4 text-center text-sm">
          <Link href="/espace-etudiant/mot-de-passe-oublie" className="text-indigo-800 hover:underline">
            {tLink("forgot")}
          </Link>
        </p>
      </div>
    </main>
  );
}
