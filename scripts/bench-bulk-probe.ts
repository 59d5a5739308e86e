// Usage: npm run bench:bulk-probe [-- --students 100000] [-- --bulk 5000] [-- --rate 60000] [-- --postgres]
//        [-- --paths /icon.svg,/connexion] [-- --json out.json] [-- --samples probes.tsv]
// Does a bulk send block the pages? Starts the built app (`next start`, production build in
// .next-load, rebuilt when the sources changed, as bench:load does) on a fresh database holding a
// large school (100,000 students, portal accesses in every state; a temporary SQLite file, or with
// --postgres a throwaway PostgreSQL database), signs in as Direction, opens the list, asks for the
// summary of a resend to `--bulk` students and starts it through the startBulkSend server action,
// as the dialog and its confirm button do, so preparation and sending run inside the server process. Meanwhile it requests each probe path every 200 ms and
// a real SMTP server (in this process) receives the emails. Prints the start request's latency, the
// time to the first email, the preparation time per student, the probes' p50/p95/max and failures
// (before and during the bulk send), emails per second and the server's peak resident memory.
// DATABASE_URL is ignored: the probe sends to a throwaway database of its own; --samples <file>
// writes every probe (ms after the click, path, ms, ok) for a closer look.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import "./lib/allow-server-only";
import { benchDatabase } from "./lib/bench-database";
import { actionIdsOf, buildIfStale, getOnce, LOAD_DIST_DIR, sampleRss, startApp } from "./lib/built-app";
import { signInOverHttp } from "./lib/load-staff";
import { startSmtpCapture } from "./lib/smtp-capture";
import { ms, summarize } from "./lib/stats";

const root = path.resolve(__dirname, "..");

async function main() {
  const { values } = parseArgs({
    options: {
      students: { type: "string", default: "100000" },
      bulk: { type: "string", default: "5000" },
      rate: { type: "string", default: "60000" },
      interval: { type: "string", default: "200" },
      paths: { type: "string", default: "/icon.svg,/connexion" },
      postgres: { type: "boolean", default: false },
      "dist-dir": { type: "string", default: LOAD_DIST_DIR },
      json: { type: "string" },
      samples: { type: "string" },
    },
  });
  const distDir = values["dist-dir"];
  const probePaths = values.paths.split(",").map((probe) => probe.trim());
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: process.env.AUTH_SECRET || "bench-secret-that-is-long-enough-for-next-auth",
    };
    if (buildIfStale(root, distDir, env) === "built") console.log(`Built into ${distDir}`);

    const database = await benchDatabase(`sesame_probe_${process.pid}`, values.postgres, { throwaway: true });
    cleanups.push(database.drop);
    process.env.DATABASE_URL = database.url;
    process.env.AUTH_SECRET = env.AUTH_SECRET;
    const { prepareDatabase } = await import("../lib/db/prepare");
    const { createDatabaseClient } = await import("../lib/db/client");
    const { seedDemoSchool } = await import("../prisma/seed/demo-school");
    const { seedAccessMix } = await import("../prisma/seed/access-mix");
    const { emailStatus } = await import("../lib/access/email-address");
    await prepareDatabase(database.url);
    const db = createDatabaseClient(database.url);
    cleanups.push(() => db.$disconnect());
    const seedStarted = performance.now();
    const seeded = await seedDemoSchool(db, { students: Number(values.students) });
    const accesses = seeded.seeded ? await seedAccessMix(db) : await db.portalAccess.count();
    await db.$executeRawUnsafe("ANALYZE");
    const selected = (await db.student.findMany({ select: { id: true, email: true }, orderBy: { sortKey: "asc" } }))
      .filter((student) => emailStatus(student.email) === "valid")
      .slice(0, Number(values.bulk))
      .map((student) => student.id);
    console.log(
      `${database.url.startsWith("file:") ? "SQLite" : "PostgreSQL"}: ${seeded.students} students (${accesses} with an access) seeded in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s; ` +
        `bulk of ${selected.length}, MAIL_RATE_PER_MINUTE=${values.rate}, probes ${probePaths.join(" ")} every ${values.interval} ms`,
    );

    const smtp = await startSmtpCapture();
    cleanups.push(() => smtp.close());
    const server = await startApp(root, distDir, {
      ...env,
      DATABASE_URL: database.url,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_RATE_PER_MINUTE: values.rate,
    });
    cleanups.push(server.stop);
    const rss = sampleRss(server.pid);
    cleanups.push(rss.stop);
    const cookie = await signInOverHttp(server.url, "direction@sesame.test");

    // First requests compile and load what each page needs: not what a bulk send does to them.
    for (let round = 0; round < 5; round += 1) for (const probePath of probePaths) await getOnce(`${server.url}${probePath}`);
    // What the staff member did before confirming: the list is open, the dialog asked for its summary.
    const actionIds = actionIdsOf(root, distDir);
    for (const name of ["summarizeBulkSend", "startBulkSend"])
      if (!actionIds[name]) throw new Error(`no server action ${name} in ${distDir}`);
    const callAction = (name: "summarizeBulkSend" | "startBulkSend") =>
      fetch(`${server.url}/etudiants`, {
        method: "POST",
        headers: { "Next-Action": actionIds[name], "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Cookie: cookie },
        body: JSON.stringify([{ selection: { studentIds: selected } }]),
      });
    await (await fetch(`${server.url}/etudiants`, { headers: { Cookie: cookie } })).text();
    await (await callAction("summarizeBulkSend")).text();
    const probes = startProbes(server.url, probePaths, Number(values.interval));
    cleanups.push(probes.stop);
    await new Promise((resolve) => setTimeout(resolve, 5000));

    // The confirm click: the server action the bulk dialog calls.
    const rssBefore = rss.now();
    const clickedAt = Date.now();
    const answer = await callAction("startBulkSend");
    const payload = await answer.text();
    const startMs = Date.now() - clickedAt;
    const bulkSendId = /"bulkSendId":"([a-z0-9]+)"/i.exec(payload)?.[1];
    if (!bulkSendId) throw new Error(`the bulk send did not start: HTTP ${answer.status} ${payload.slice(0, 300)}`);

    // Prepared: the bulk send leaves « preparing »; then every queued email must reach the SMTP server.
    const deadline = clickedAt + 30 * 60_000;
    let bulk = await db.bulkSend.findUniqueOrThrow({ where: { id: bulkSendId } });
    while (bulk.status === "preparing" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      bulk = await db.bulkSend.findUniqueOrThrow({ where: { id: bulkSendId } });
    }
    const queued = await db.bulkSendItem.count({ where: { bulkSendId, outcome: "queued" } });
    const emails = await smtp.waitFor(queued, Math.max(1000, deadline - Date.now()));
    const doneAt = Date.now();
    const preparedAt = bulk.preparedAt?.getTime() ?? NaN;
    const first = emails[0].receivedAt.getTime();
    const last = emails[emails.length - 1].receivedAt.getTime();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    probes.stop();

    const idle = probes.between(clickedAt - 5000, clickedAt);
    const during = probes.between(clickedAt, doneAt);
    const preparing = probes.between(clickedAt, preparedAt);
    const figures = {
      database: database.url.startsWith("file:") ? "sqlite" : "postgresql",
      students: seeded.students,
      bulk: selected.length,
      queued,
      startRequestMs: startMs,
      firstEmailMs: first - clickedAt,
      preparationMs: preparedAt - bulk.createdAt.getTime(),
      perStudentPreparationMs: (preparedAt - bulk.createdAt.getTime()) / selected.length,
      emailsPerSecond: emails.length / Math.max(0.001, (last - first) / 1000),
      sendingSeconds: (last - clickedAt) / 1000,
      probes: {
        idle: idle.summary,
        preparing: preparing.summary,
        during: during.summary,
        failures: during.failures,
        byPath: during.byPath,
      },
      rssBeforeMb: rssBefore,
      rssPeakMb: rss.peakSince(clickedAt),
    };
    console.log(
      [
        `start request: ${figures.startRequestMs} ms; first email ${(figures.firstEmailMs / 1000).toFixed(2)} s after the click`,
        `preparation: ${(figures.preparationMs / 1000).toFixed(1)} s for ${selected.length} students = ${figures.perStudentPreparationMs.toFixed(2)} ms per student (${queued} emails queued)`,
        `sending: ${figures.emailsPerSecond.toFixed(0)} emails/s; last email ${figures.sendingSeconds.toFixed(1)} s after the click`,
        `probes before the click: p50 ${ms(idle.summary.p50)} ms, p95 ${ms(idle.summary.p95)} ms, max ${ms(idle.summary.max)} ms (${idle.summary.runs})`,
        `probes while preparing: p50 ${ms(preparing.summary.p50)} ms, p95 ${ms(preparing.summary.p95)} ms, max ${ms(preparing.summary.max)} ms (${preparing.summary.runs})`,
        `probes during the bulk send: p50 ${ms(during.summary.p50)} ms, p95 ${ms(during.summary.p95)} ms, max ${ms(during.summary.max)} ms (${during.summary.runs}), ${during.failures} failed`,
        ...Object.entries(during.byPath).map(
          ([probe, summary]) => `  ${probe}: p50 ${ms(summary.p50)} ms, p95 ${ms(summary.p95)} ms, max ${ms(summary.max)} ms`,
        ),
        `server RSS: ${figures.rssBeforeMb.toFixed(0)} MB before, peak ${figures.rssPeakMb.toFixed(0)} MB during`,
      ].join("\n"),
    );
    if (values.json) writeFileSync(values.json, `${JSON.stringify(figures, null, 2)}\n`);
    if (values.samples)
      writeFileSync(
        values.samples,
        probes.samples.map((sample) => `${sample.at - clickedAt}\t${sample.path}\t${sample.ms.toFixed(0)}\t${sample.ok}`).join("\n"),
      );
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  }
}

/** Requests each path every `intervalMs`, whether or not the previous answer came (as a user clicking on); a probe fails without a 200 within 10 s. */
function startProbes(baseUrl: string, paths: string[], intervalMs: number) {
  const samples: { at: number; path: string; ms: number; ok: boolean }[] = [];
  const timer = setInterval(() => {
    for (const probePath of paths) {
      const at = Date.now();
      void getOnce(`${baseUrl}${probePath}`).then(({ status, ms: took }) =>
        samples.push({ at, path: probePath, ms: took, ok: status === 200 }),
      );
    }
  }, intervalMs);
  return {
    samples,
    stop: () => clearInterval(timer),
    between(from: number, to: number) {
      const inside = samples.filter((sample) => sample.at >= from && sample.at < to);
      const byPath = Object.fromEntries(
        paths.map((probePath) => [probePath, summarize(inside.filter((sample) => sample.path === probePath).map((sample) => sample.ms))]),
      );
      return { summary: summarize(inside.map((sample) => sample.ms)), failures: inside.filter((sample) => !sample.ok).length, byPath };
    },
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
