// Usage: npm run bench:bulk [-- --students 1000] [-- --rate 600]
// Times a bulk "Renvoyer l'email d'activation" the way the app runs it: the server action that the
// confirm button calls, then the real mail worker (at MAIL_RATE_PER_MINUTE) delivering to a real SMTP
// server, on a fresh SQLite database. Prints figures; asserts nothing.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import "./lib/allow-server-only";

async function main() {
  const { values } = parseArgs({ options: { students: { type: "string", default: "1000" }, rate: { type: "string", default: "600" } } });
  const count = Number(values.students);
  const dir = mkdtempSync(path.join(os.tmpdir(), "sesame-bulk-"));
  process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
  process.env.AUTH_SECRET ||= "bench-secret-that-is-long-enough-for-the-check";
  process.env.MAIL_RATE_PER_MINUTE = values.rate;

  const { startSmtpCapture } = await import("./lib/smtp-capture");
  const smtp = await startSmtpCapture();
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;

  const { prepareDatabase } = await import("../lib/db/prepare");
  const { getDb } = await import("../lib/db");
  const { seedDemoSchool } = await import("../prisma/seed/demo-school");
  const { loadStaffContext } = await import("../lib/data/staff");
  const { startBulkResendHandler } = await import("../lib/actions/handlers/bulk");
  const { startMailWorker } = await import("../lib/mail/worker");
  const { emailStatus } = await import("../lib/access/email-address");

  await prepareDatabase(process.env.DATABASE_URL);
  const db = getDb();
  await seedDemoSchool(db, { students: Math.ceil(count * 1.2) });
  const students = (await db.student.findMany({ select: { id: true, email: true }, orderBy: { sortKey: "asc" } }))
    .filter((student) => emailStatus(student.email) === "valid")
    .slice(0, count);
  const staffRow = await db.staffUser.findUniqueOrThrow({ where: { email: "direction@sesame.test" } });
  const staff = (await loadStaffContext(staffRow.id))!;
  console.log(`${students.length} students selected, sending at ${values.rate} emails per minute`);

  const clicked = performance.now();
  const started = await startBulkResendHandler(staff, { selection: { studentIds: students.map((student) => student.id) } });
  const returned = performance.now() - clicked;
  if (!started.ok) throw new Error(`bulk refused: ${started.error}`);
  console.log(`The request that starts the bulk returned in ${returned.toFixed(0)} ms`);

  const stop = startMailWorker();
  let preparedAt = 0;
  const watch = setInterval(async () => {
    if (preparedAt) return;
    const bulk = await db.bulkSend.findUniqueOrThrow({ where: { id: started.data.bulkSendId } });
    if (bulk.status !== "preparing") preparedAt = performance.now() - clicked;
  }, 200);
  await smtp.waitFor(students.length, 30 * 60_000);
  const delivered = performance.now() - clicked;
  clearInterval(watch);
  stop();
  const unique = new Set(smtp.emails.map((email) => email.to[0])).size;
  console.log(`All emails prepared (links + outbox) after ${(preparedAt / 1000).toFixed(1)} s`);
  console.log(`Last of ${smtp.emails.length} emails delivered to the SMTP server ${(delivered / 1000).toFixed(1)} s after the click (${unique} distinct recipients)`);
  await db.$disconnect();
  await smtp.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
