import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { getPortalSession } from "@/lib/portal/session";
import { PORTAL_HOME_PATH, PORTAL_SIGN_IN_PATH } from "@/lib/routes";

/** The portal's 404, inside its card: back to the portal home when signed in, else to the portal sign-in (never the staff one). */
export default async function PortalNotFound() {
  const t = await getTranslations("notFound");
  const href = (await getPortalSession()) ? PORTAL_HOME_PATH : PORTAL_SIGN_IN_PATH;
  return (
    <>
      <h1 className="mt-4 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("description")}</p>
      <Link href={href} className={buttonClasses({ variant: "secondary", className: "mt-6" })}>
        {t("backToPortal")}
      </Link>
    </>
  );
}
