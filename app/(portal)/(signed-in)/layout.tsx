import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { portalSignOut } from "@/lib/actions/portal";
import { requirePortalSession } from "@/lib/portal/session";

/** The signed-in portal: a header with the way out, then the page. Each page checks the session too. */
export default async function PortalSignedInLayout({ children }: { children: ReactNode }) {
  await requirePortalSession();
  const t = await getTranslations();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-3xl items-center justify-between px-4">
          <p className="text-lg font-bold text-indigo-700">{`${t("app.name")} · ${t("portal.name")}`}</p>
          <form action={portalSignOut}>
            <Button type="submit" variant="ghost">
              {t("portal.home.signOut")}
            </Button>
          </form>
        </div>
      </header>
      <main id="contenu" className="mx-auto flex max-w-3xl flex-col gap-4 px-4 py-8">
        {children}
      </main>
    </div>
  );
}
