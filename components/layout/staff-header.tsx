import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ACCESS_BOARD_PATH, BULK_SENDS_PATH, HOME_PATH, SCHOOL_SETTINGS_PATH, STUDENTS_PATH } from "@/lib/routes";
import { ClientMessages } from "./client-messages";
import { NavLink } from "./nav-link";
import { UserMenu } from "./user-menu";

export async function StaffHeader({
  name,
  roleName,
  canViewStudents,
  canManageReminders,
}: {
  name: string;
  roleName: string;
  canViewStudents: boolean;
  /** « Gérer les relances »: the schools' settings page. */
  canManageReminders: boolean;
}) {
  const t = await getTranslations();
  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#contenu"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:p-2"
      >
        {t("app.skipToContent")}
      </a>
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4 sm:px-6">
        <Link href={HOME_PATH} className="text-lg font-bold text-indigo-700">
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.label")} className="flex flex-1 items-center gap-1">
          {canViewStudents ? (
            <NavLink href={STUDENTS_PATH} except={BULK_SENDS_PATH}>
              {t("nav.students")}
            </NavLink>
          ) : null}
          {canViewStudents ? <NavLink href={BULK_SENDS_PATH}>{t("nav.sends")}</NavLink> : null}
          {canViewStudents ? <NavLink href={ACCESS_BOARD_PATH}>{t("nav.accessBoard")}</NavLink> : null}
          {canManageReminders ? <NavLink href={SCHOOL_SETTINGS_PATH}>{t("nav.schoolSettings")}</NavLink> : null}
        </nav>
        <ClientMessages group="userMenu">
          <UserMenu name={name} roleName={roleName} />
        </ClientMessages>
      </div>
    </header>
  );
}
