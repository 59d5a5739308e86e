import { getTranslations } from "next-intl/server";
import { plainText, staffForDownload } from "@/lib/auth";
import { getBulkReport } from "@/lib/data/send-history";
import { RIGHTS } from "@/lib/rights";
import { csvCell, csvDate, csvDateTime } from "@/lib/csv";
import { ZId } from "@/lib/validation/ids";

/** A bulk send's report, one line per person (student, or parent for a reminder run), as CSV (semicolons, for French spreadsheets). */
export async function GET(_request: Request, { params }: { params: Promise<{ bulkSendId: string }> }) {
  const staff = await staffForDownload(RIGHTS.viewStudent);
  if (staff instanceof Response) return staff;
  const id = ZId.safeParse((await params).bulkSendId);
  const report = id.success ? await getBulkReport(staff, id.data) : null;
  if (!report) return plainText((await getTranslations("errors"))("send_not_found"), 404);
  const t = await getTranslations("bulk");
  // A reminder run's report has a line per person: a column says student or parent, and for a parent which child.
  const reminders = report.bulk.kind !== "activation";
  const columns = reminders
    ? (["person", "studentNumber", "lastName", "firstName", "email", "child", "result", "sentAt", "error"] as const)
    : (["studentNumber", "lastName", "firstName", "email", "result", "sentAt", "error"] as const);
  const lines = [columns.map((column) => t(`reportColumns.${column}`)).join(";")];
  for (const item of report.items) {
    const result = item.outboxMessage?.status ?? (item.outcome === "queued" ? "pending" : item.outcome);
    const person = item.guardian ?? item.student;
    const cells: Record<(typeof columns)[number], string> = {
      person: t(item.guardian ? "reportPeople.guardian" : "reportPeople.student"),
      studentNumber: item.student.studentNumber,
      lastName: person.lastName,
      firstName: person.firstName,
      email: person.email ?? "",
      child: item.guardian ? `${item.student.firstName} ${item.student.lastName}` : "",
      result: t(`reportResults.${result}` as "reportResults.sent"),
      sentAt: item.outboxMessage?.sentAt ? csvDateTime(item.outboxMessage.sentAt, staff.timeZone) : "",
      error: item.outboxMessage?.status === "failed" ? (item.outboxMessage.lastError ?? "") : "",
    };
    lines.push(columns.map((column) => csvCell(cells[column])).join(";"));
  }
  const date = csvDate(new Date(report.bulk.createdAt), staff.timeZone);
  return new Response(`\uFEFF${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${reminders ? "relance" : "envoi-emails-activation"}-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
