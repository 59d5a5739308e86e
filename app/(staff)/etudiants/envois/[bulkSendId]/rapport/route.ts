import { getTranslations } from "next-intl/server";
import { getStaff } from "@/lib/auth";
import { getBulkReport } from "@/lib/data/send-history";
import { hasRight, RIGHTS } from "@/lib/rights";
import { csvCell, csvDateTime } from "@/lib/csv";
import { ZId } from "@/lib/validation/ids";

/** The bulk resend report, one line per student, as CSV (semicolons, for French spreadsheets). */
export async function GET(_request: Request, { params }: { params: Promise<{ bulkSendId: string }> }) {
  const staff = await getStaff();
  if (!staff) return new Response("Non connecté", { status: 401 });
  if (!hasRight(staff, RIGHTS.viewStudent)) return new Response("Accès refusé", { status: 403 });
  const id = ZId.safeParse((await params).bulkSendId);
  const report = id.success ? await getBulkReport(staff, id.data) : null;
  if (!report) return new Response("Envoi introuvable", { status: 404 });
  const t = await getTranslations("bulk");
  const columns = ["studentNumber", "lastName", "firstName", "email", "result", "sentAt", "error"] as const;
  const lines = [columns.map((column) => t(`reportColumns.${column}`)).join(";")];
  for (const item of report.items) {
    const result = item.outboxMessage?.status ?? (item.outcome === "queued" ? "pending" : item.outcome);
    lines.push(
      [
        item.student.studentNumber,
        item.student.lastName,
        item.student.firstName,
        item.student.email ?? "",
        t(`reportResults.${result}` as "reportResults.sent"),
        item.outboxMessage?.sentAt ? csvDateTime(item.outboxMessage.sentAt) : "",
        item.outboxMessage?.status === "failed" ? (item.outboxMessage.lastError ?? "") : "",
      ]
        .map(csvCell)
        .join(";"),
    );
  }
  const date = csvDateTime(new Date(report.bulk.createdAt)).slice(0, 10);
  return new Response(`\uFEFF${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="envoi-emails-activation-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
