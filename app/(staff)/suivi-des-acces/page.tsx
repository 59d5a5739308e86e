import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccessBoardView } from "@/components/access-board/access-board";
import { buttonClasses } from "@/components/ui/button";
import { requireRight } from "@/lib/auth";
import { getAccessBoard } from "@/lib/data/access-board";
import { RIGHTS } from "@/lib/rights";
import { ACCESS_BOARD_CSV_PATH } from "@/lib/routes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accessBoard");
  return { title: t("title") };
}

/** « Suivi des accès »: students and parents in each access state, in the schools the staff member sees. */
export default async function AccessBoardPage() {
  const staff = await requireRight(RIGHTS.viewStudent);
  const board = await getAccessBoard(staff);
  const t = await getTranslations("accessBoard");
  return (
    <main id="contenu" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {board.schools.length ? (
          // A file download, not a page: a plain link, so Next.js does not try to prefetch or render it.
          <a href={ACCESS_BOARD_CSV_PATH} download className={buttonClasses({ variant: "secondary" })}>
            {t("export")}
          </a>
        ) : null}
      </div>
      <p className="mt-2 max-w-3xl text-slate-700">{t("intro")}</p>
      {board.schools.length ? (
        <AccessBoardView board={board} />
      ) : (
        <p className="mt-8 rounded-lg border border-dashed border-slate-300 p-6 text-slate-700">{t("empty")}</p>
      )}
    </main>
  );
}
