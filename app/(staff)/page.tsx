import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth";
import { hasRight, RIGHTS } from "@/lib/rights";
import { SCHOOL_SETTINGS_PATH, STUDENTS_PATH } from "@/lib/routes";

/** Home: the Étudiants list for those who may see it, else the schools' settings for those who manage reminders; otherwise a plain explanation. */
export default async function HomePage() {
  const staff = await requireStaff();
  if (hasRight(staff, RIGHTS.viewStudent)) redirect(STUDENTS_PATH);
  if (hasRight(staff, RIGHTS.manageReminders)) redirect(SCHOOL_SETTINGS_PATH);
  const t = await getTranslations("home");
  return (
    <main id="contenu" className="mx-auto max-w-3xl px-6 py-12">
      <h1 className="text-2xl font-semibold">{t("title", { name: staff.name })}</h1>
      <p className="mt-3 text-slate-700">{t("noSection", { role: staff.roleName })}</p>
    </main>
  );
}
