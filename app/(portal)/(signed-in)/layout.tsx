import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { Button } from "@/components/ui/button";
import { portalSignOut } from "@/lib/actions/portal";
import { requirePortalSession } from "@/lib/portal/session";
import { PORTAL_HOME_PATH } from "@/lib/routes";

/**
 * The signed-in portal: a header (the portal's name, a link home, and the way out; it wraps rather than
 * overflow a 320 px phone), then the page. Each page checks the session too.
 */
export default async function PortalSignedInLayout({ children }: { children: ReactNode }) {
  await requirePortalSession();
  const t = await getTranslations();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex min-h-14 max-w-3xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2">
          <Link href={PORTAL_HOME_PATH} className="rounded text-lg font-bold text-indigo-700 hover:underline">
            {`${t("app.name")} · ${t("portal.name")}`}
          </Link>
          <LanguageSwitch className="ml-auto" />
          <form action={portalSignOut}>
            <Button type="submit" variant="ghost" className="whitespace-nowrap">
              {t("portal.home.signOut")}
            </Button>
          </form>
        </div>
      </header>
      <main id="contenu" className="mx-auto flex max-w-3xl min-w-0 flex-col gap-4 px-4 py-8 [overflow-wrap:anywhere]">
        {children}
      </main>
    </div>
  );
}
