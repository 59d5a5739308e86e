import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ClientMessages } from "@/components/layout/client-messages";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { getStaff } from "@/lib/auth";
import { RETURN_PARAM, safeReturnPath } from "@/lib/routes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const requested = (await searchParams)[RETURN_PARAM];
  const returnPath = safeReturnPath(Array.isArray(requested) ? requested[0] : requested);
  if (await getStaff()) redirect(returnPath);
  const t = await getTranslations();
  return (
    <main id="contenu" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="flex items-center justify-between gap-2">
          <p className="text-lg font-bold text-indigo-700">{t("app.name")}</p>
          <LanguageSwitch className="-mr-2" />
        </div>
        <h1 className="mt-4 text-2xl font-semibold">{t("signIn.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("signIn.subtitle")}</p>
        <ClientMessages group="staffSignIn">
          <SignInForm returnPath={returnPath} />
        </ClientMessages>
      </div>
    </main>
  );
}
