import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ClientMessages } from "@/components/layout/client-messages";
import { RequestLinkForm } from "@/components/portal/request-link-form";
import { PORTAL_SIGN_IN_PATH } from "@/lib/routes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portal.requestLink");
  return { title: t("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("portal.requestLink");
  return (
    <>
      <h1 className="mt-4 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-700">{t("intro")}</p>
      <ClientMessages group="requestLink">
        <RequestLinkForm />
      </ClientMessages>
      <p className="mt-4 text-center text-sm">
        <Link href={PORTAL_SIGN_IN_PATH} className="text-indigo-800 hover:underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </>
  );
}
