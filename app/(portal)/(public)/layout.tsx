import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

/**
 * The portal's doors, open without a session: sign-in, forgotten password and the page an activation
 * email links to. One centred card; each page brings its heading and form.
 */
export default async function PortalPublicLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("app");
  return (
    <main id="contenu" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-lg font-bold text-indigo-700">{t("name")}</p>
        {children}
      </div>
    </main>
  );
}
