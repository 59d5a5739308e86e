import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { TwoDoors } from "@/components/home/two-doors";
import { StaffShell } from "@/components/layout/staff-shell";
import { getStaff } from "@/lib/auth";
import { getPortalSession } from "@/lib/portal/session";
import { hasRight, RIGHTS } from "@/lib/rights";
import { PORTAL_HOME_PATH, SCHOOL_SETTINGS_PATH, STUDENTS_PATH } from "@/lib/routes";

// The root layout's title template applies to the pages below it, not to this one beside it: spelled out.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: { absolute: `${t("home.pageTitle")} · ${t("app.name")}` } };
}

/**
 * Home, open to all: staff go on to the Étudiants list if they may see it, else to the schools' settings
 * if they manage reminders, otherwise read a plain explanation; a signed-in student or parent goes to
 * the portal; anyone else chooses between the two sign-in pages.
 */
export default async function HomePage() {
  const staff = await getStaff();
  if (!staff) {
    if (await getPortalSession()) redirect(PORTAL_HOME_PATH);
    return <TwoDoors />;
  }
  if (hasRight(staff, RIGHTS.viewStudent)) redirect(STUDENTS_PATH);
  if (hasRight(staff, RIGHTS.manageReminders)) redirect(SCHOOL_SETTINGS_PATH);
  const t = await getTranslations("home");
  return (
    <StaffShell staff={staff}>
      <main id="contenu" className="mx-auto max-w-3xl px-6 py-12">
        <h1 className="text-2xl font-semibold">{t("title", { name: staff.name })}</h1>
        <p className="mt-3 text-slate-700">{t("noSection", { role: staff.roleName })}</p>
      </main>
    </StaffShell>
  );
}
