import { getTranslations } from "next-intl/server";
import { accessBoardCsvRows, type BoardCsvLabels } from "@/lib/access/board";
import { ACCESS_STATES, type AccessState } from "@/lib/access/state";
import { staffForDownload } from "@/lib/auth";
import { csvCell, csvDate } from "@/lib/csv";
import { getAccessBoard } from "@/lib/data/access-board";
import { RIGHTS } from "@/lib/rights";

/** « Suivi des accès » as CSV (UTF-8 with BOM, semicolons, times on the staff member's clock), for French spreadsheets. */
export async function GET() {
  const staff = await staffForDownload(RIGHTS.viewStudent);
  if (staff instanceof Response) return staff;
  const now = new Date();
  const board = await getAccessBoard(staff, now);
  const t = await getTranslations("accessBoard");
  const tStates = await getTranslations("access.states");
  const labels: BoardCsvLabels = {
    columns: {
      school: t("csv.school"),
      program: t("csv.program"),
      class: t("csv.class"),
      audience: t("csv.audience"),
      total: t("csv.total"),
      rate: t("csv.rate"),
      generatedAt: t("csv.generatedAt"),
    },
    states: Object.fromEntries(ACCESS_STATES.map((state) => [state, tStates(state)])) as Record<AccessState, string>,
    audiences: { students: t("students"), parents: t("parents") },
    allSchools: t("csv.allSchools"),
    allPrograms: t("csv.allPrograms"),
    allClasses: t("csv.allClasses"),
  };
  const lines = accessBoardCsvRows(board, labels, now, staff.timeZone).map((row) => row.map(csvCell).join(";"));
  return new Response(`\uFEFF${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="suivi-des-acces-${csvDate(now, staff.timeZone)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
