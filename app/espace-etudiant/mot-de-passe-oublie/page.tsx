import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ClientMessages } from "@/components/layout/client-messages";
import { RequestLinkForm } from "@/components/portal/request-link-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portal.requestLink");
  return { title: t("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("portal.requestLink");
  return (
    <main id="contenu" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-lg font-bold text-indigo-700">Sésame</p>
        <h1 className="mt-4 text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-sm text-slate-700">{t("intro")}</p>
        <ClientMessages group="requestLink">
          <RequestLinkForm />
        </ClientMessages>
        <p className="mt-4 text-center text-sm">
          <Link href="/espace-etudiant/connexion" className="text-indigo-800 hover:underline">
            {t("backToSignIn")}
          </Link>
        </p>
      </div>
    </main>
  );
}
