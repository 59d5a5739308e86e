import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { SchoolSettingsForm } from "@/components/school-settings/school-settings-form";
import { requireRight } from "@/lib/auth";
import { listSchoolSettings } from "@/lib/data/school-settings";
import { RIGHTS } from "@/lib/rights";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("schoolSettings");
  return { title: t("title") };
}

/** « Paramètres des établissements »: for staff who may « Gérer les relances », the schools they see. */
export default async function SchoolSettingsPage() {
  const staff = await requireRight(RIGHTS.manageReminders);
  const schools = await listSchoolSettings(staff);
  const t = await getTranslations("schoolSettings");
  return (
    <main id="contenu" className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("intro")}</p>
      {schools.length ? (
        <ClientMessages group="schoolSettings">
          <div className="mt-6 flex flex-col gap-6">
            {schools.map((school) => (
              <SchoolSettingsForm key={school.id} school={school} />
            ))}
          </div>
        </ClientMessages>
      ) : (
        <p className="mt-8 rounded-lg border border-dashed border-slate-300 p-6 text-slate-700">{t("empty")}</p>
      )}
    </main>
  );
}
