import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { PORTAL_HOME_PATH } from "@/lib/routes";

/**
 * The portal's doors, open without a session: sign-in, forgotten password and the page an activation
 * email links to. One centred card, narrow enough for a 320 px phone, whose name leads back to the portal
 * (its home, or its sign-in page without a session); each page brings its heading and form.
 */
export default async function PortalPublicLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  return (
    <main id="contenu" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-md min-w-0 rounded-xl border border-slate-200 bg-white p-5 shadow-sm [overflow-wrap:anywhere] sm:p-8">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <Link href={PORTAL_HOME_PATH} className="rounded text-lg font-bold text-indigo-700 hover:underline">
            {`${t("app.name")} · ${t("portal.name")}`}
          </Link>
          <LanguageSwitch className="-mt-1 -mr-2 ml-auto" />
        </div>
        {children}
      </div>
    </main>
  );
}
