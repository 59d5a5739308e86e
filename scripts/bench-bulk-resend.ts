// Usage: npm run bench:bulk [-- --students 1000] [-- --rate 60000] [-- --rounds 3] [-- --json out.json]
// Times a bulk "Renvoyer l'email d'activation" the way the app runs it — the server action that the
// confirm button calls, then the real mail worker delivering to a real SMTP server, on a fresh SQLite
// database — and, interleaved with it in the same run, its floor: a plain pooled nodemailer sending
// the same number of pre-rendered messages to the same server. Prints figures (and with --json writes
// them to a file); asserts nothing.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import nodemailer from "nodemailer";
import "./lib/allow-server-only";
import { benchDatabase } from "./lib/bench-database";
import { summarize } from "./lib/stats";

// The benchmarks' one median (stats.ts): the same figure bench:bulk-probe and the others report.
const median = (values: number[]) => summarize(values).p50;

async function main() {
  const { values } = parseArgs({
    options: {
      students: { type: "string", default: "1000" },
      rate: { type: "string", default: "60000" },
      rounds: { type: "string", default: "3" },
      json: { type: "string" },
    },
  });
  const count = Number(values.students);
  const rounds = Number(values.rounds);
  const database = await benchDatabase("bench", false);
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ||= "bench-secret-that-is-long-enough-for-the-check";
  process.env.MAIL_RATE_PER_MINUTE = values.rate;

  const { startSmtpCapture } = await import("./lib/smtp-capture");
  const smtp = await startSmtpCapture();
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;

  const { prepareDatabase } = await import("../lib/db/prepare");
  const { getDb } = await import("../lib/db");
  const { seedDemoSchool } = await import("../prisma/seed/demo-school");
  const { loadStaffContext } = await import("../lib/data/staff");
  const { startBulkSend } = await import("../lib/actions/handlers/bulk");
  const { startWorker } = await import("../lib/jobs/worker");
  const { emailStatus } = await import("../lib/access/email-address");
  const { renderActivationEmail } = await import("../lib/mail/render");
  const { SMTP_MAX_CONNECTIONS } = await import("../lib/mail/transport");

  await prepareDatabase(process.env.DATABASE_URL);
  const db = getDb();
  await seedDemoSchool(db, { students: Math.ceil(count * 1.2) });
  const students = (await db.student.findMany({ select: { id: true, email: true }, orderBy: { sortKey: "asc" } }))
    .filter((student) => emailStatus(student.email) === "valid")
    .slice(0, count);
  const staffRow = await db.staffUser.findUniqueOrThrow({ where: { email: "direction@sesame.test" } });
  const staff = (await loadStaffContext(staffRow.id))!;
  console.log(`${students.length} students selected, MAIL_RATE_PER_MINUTE=${values.rate}, ${rounds} rounds of app then plain nodemailer`);

  const stop = startWorker();
  const rendered = await renderActivationEmail({
    purpose: "invitation",
    locale: "fr",
    signInUrl: "http://localhost:3000/espace-etudiant/connexion",
    schoolName: "Lycée Victor-Hugo",
    recipientName: "Marie Dupont",
    studentNames: [],
    activationUrl: `http://localhost:3000/activation/${"x".repeat(43)}`,
    expiresAt: "4 décembre 2026 à 14:05",
  });
  const rows: { round: number; appRate: number; plainRate: number; returnedMs: number; firstEmailMs: number; preparedMs: number }[] = [];

  for (let round = 1; round <= rounds; round += 1) {
    // The app: click → request returns → worker prepares and sends.
    const before = smtp.emails.length;
    const clicked = performance.now();
    const started = await startBulkSend(staff, { selection: { studentIds: students.map((student) => student.id) } });
    const returnedMs = performance.now() - clicked;
    if (!started.ok) throw new Error(`bulk refused: ${started.error}`);
    let preparedMs = 0;
    const watch = setInterval(async () => {
      if (preparedMs) return;
      const bulk = await db.bulkSend.findUniqueOrThrow({ where: { id: started.data.bulkSendId } });
      if (bulk.status !== "preparing") preparedMs = performance.now() - clicked;
    }, 100);
    const appEmails = (await smtp.waitFor(before + students.length, 30 * 60_000)).slice(before);
    clearInterval(watch);
    const first = appEmails[0].receivedAt.getTime();
    const last = appEmails[appEmails.length - 1].receivedAt.getTime();
    const appRate = appEmails.length / Math.max(0.001, (last - first) / 1000);
    const clickedAt = Date.now() - (performance.now() - clicked);
    const firstEmailMs = first - clickedAt;

    // The floor: the same number of pre-rendered messages through a plain pooled nodemailer.
    const plain = nodemailer.createTransport({
      host: "127.0.0.1",
      port: smtp.port,
      secure: false,
      pool: true,
      maxConnections: SMTP_MAX_CONNECTIONS,
    });
    const plainBefore = smtp.emails.length;
    const plainStarted = performance.now();
    await Promise.all(
      students.map((student, index) =>
        plain.sendMail({
          from: "Sésame <no-reply@sesame.test>",
          to: student.email!,
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
          messageId: `<plain-${round}-${index}@sesame.test>`,
        }),
      ),
    );
    await smtp.waitFor(plainBefore + students.length, 30 * 60_000);
    const plainRate = students.length / ((performance.now() - plainStarted) / 1000);
    plain.close();
    rows.push({ round, appRate, plainRate, returnedMs, firstEmailMs, preparedMs });
    console.log(
      `round ${round}: request returned in ${returnedMs.toFixed(0)} ms, first email ${(firstEmailMs / 1000).toFixed(1)} s after the click, ` +
        `all prepared after ${(preparedMs / 1000).toFixed(1)} s; app ${appRate.toFixed(0)} emails/s, plain nodemailer ${plainRate.toFixed(0)} emails/s, ratio ${(appRate / plainRate).toFixed(2)}`,
    );
  }
  stop();
  const medians = {
    appEmailsPerSecond: median(rows.map((row) => row.appRate)),
    plainEmailsPerSecond: median(rows.map((row) => row.plainRate)),
    ratio: median(rows.map((row) => row.appRate / row.plainRate)),
    startRequestMs: median(rows.map((row) => row.returnedMs)),
    firstEmailMs: median(rows.map((row) => row.firstEmailMs)),
    preparedMs: median(rows.map((row) => row.preparedMs)),
  };
  console.log(
    `median over ${rounds} rounds: app ${medians.appEmailsPerSecond.toFixed(0)} emails/s, plain ${medians.plainEmailsPerSecond.toFixed(0)} emails/s, ` +
      `ratio ${medians.ratio.toFixed(2)}; first email ${(medians.firstEmailMs / 1000).toFixed(1)} s after the click`,
  );
  if (values.json)
    writeFileSync(
      values.json,
      `${JSON.stringify({ students: students.length, ratePerMinute: Number(values.rate), rounds: rows, median: medians }, null, 2)}\n`,
    );
  await db.$disconnect();
  await smtp.close();
  await database.drop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
