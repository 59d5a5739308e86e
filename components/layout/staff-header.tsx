import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ACCESS_BOARD_PATH, BULK_SENDS_PATH, HOME_PATH, SCHOOL_SETTINGS_PATH, STUDENTS_PATH } from "@/lib/routes";
import { ClientMessages } from "./client-messages";
import { LanguageSwitch } from "./language-switch";
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
    <header className="relative border-b border-slate-200 bg-white">
      {/* Focused, the skip link shows just under the header, over the page's top margin: over the header it
          covered the language switch on a phone (WCAG 2.5.8), and in the flow it moved the header as it lost focus. */}
      <a
        href="#contenu"
        className="sr-only focus:not-sr-only focus:absolute focus:top-full focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-2 focus:py-1 focus:shadow"
      >
        {t("app.skipToContent")}
      </a>
      {/* On a phone the menu takes a line of its own under the name and the user menu, scrolled sideways if need be. */}
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 px-4 max-sm:pt-2 sm:h-14 sm:flex-nowrap sm:px-6">
        <Link href={HOME_PATH} className="text-lg font-bold text-indigo-700">
          {t("app.name")}
        </Link>
        <nav
          aria-label={t("nav.label")}
          className="flex items-center gap-1 whitespace-nowrap max-sm:order-last max-sm:-mx-4 max-sm:w-[calc(100%+2rem)] max-sm:overflow-x-auto max-sm:px-3 max-sm:py-1 sm:flex-1"
        >
          {canViewStudents ? (
            <NavLink href={STUDENTS_PATH} except={BULK_SENDS_PATH}>
              {t("nav.students")}
            </NavLink>
          ) : null}
          {canViewStudents ? <NavLink href={BULK_SENDS_PATH}>{t("nav.sends")}</NavLink> : null}
          {canViewStudents ? <NavLink href={ACCESS_BOARD_PATH}>{t("nav.accessBoard")}</NavLink> : null}
          {canManageReminders ? <NavLink href={SCHOOL_SETTINGS_PATH}>{t("nav.schoolSettings")}</NavLink> : null}
        </nav>
        <div className="flex items-center gap-1 max-sm:ml-auto">
          <LanguageSwitch compact />
          <ClientMessages group="userMenu">
            <UserMenu name={name} roleName={roleName} />
          </ClientMessages>
        </div>
      </div>
    </header>
  );
}
