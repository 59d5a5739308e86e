import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { PORTAL_SIGN_IN_PATH, SIGN_IN_PATH } from "@/lib/routes";

/** Home for a visitor without a session: one door for staff, one for students and parents, each to its sign-in page. */
export async function TwoDoors() {
  const t = await getTranslations();
  const doors = [
    { id: "porte-personnel", href: SIGN_IN_PATH, title: t("home.doors.staff"), description: t("home.doors.staffDescription") },
    {
      id: "porte-espace-etudiant",
      href: PORTAL_SIGN_IN_PATH,
      title: t("home.doors.portal"),
      description: t("home.doors.portalDescription"),
    },
  ];
  return (
    <main id="contenu" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-2xl">
        <header className="flex flex-col gap-2">
          <div className="flex items-center justify-between gap-2">
            <p className="text-lg font-bold text-indigo-700">{t("app.name")}</p>
            <LanguageSwitch />
          </div>
          <h1 className="text-2xl font-semibold">{t("home.doors.title")}</h1>
          <p className="text-slate-700">{t("home.doors.intro")}</p>
        </header>
        <ul className="mt-6 grid gap-4 sm:grid-cols-2">
          {doors.map((door) => (
            // The whole card answers the click (the link's ::after covers it); the link's name is the door's title.
            <li
              key={door.id}
              className="relative rounded-xl border border-slate-200 bg-white p-6 shadow-sm hover:border-indigo-300 hover:shadow"
            >
              <h2 className="text-lg font-semibold">
                <Link
                  href={door.href}
                  aria-describedby={door.id}
                  className="rounded text-indigo-700 underline-offset-4 after:absolute after:inset-0 after:rounded-xl hover:underline focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-indigo-600"
                >
                  {door.title}
                </Link>
              </h2>
              <p id={door.id} className="mt-2 text-sm text-slate-600">
                {door.description}
              </p>
            </li>
          ))}
        </ul>
      </div>
    </main>
  );
}
