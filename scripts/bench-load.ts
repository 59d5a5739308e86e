// Usage: npm run bench:load [-- --students 100000] [-- --staff 50] [-- --duration 120] [-- --postgres]
//          [-- --json out.json] [-- --heap-snapshots dir] [-- --rounds 4] [-- --floor-seconds 10]
//          [-- --server-node-options=--max-old-space-size=384] [-- --dynamic-floor-path /connexion]
// Many signed-in staff at once against the production build: seeds a school of N students (a
// temporary SQLite file, or with --postgres the database sesame_load_<N>, kept for the next run),
// builds into .next-load when the sources changed, starts `next start` as `npm start` does
// (scripts/lib/server-process.ts; --server-node-options adds to its NODE_OPTIONS), signs in --staff accounts
// through the real form, then drives one connection per staff member with autocannon, each looping
// list → search → profile → Espace étudiant. Interleaved with those rounds, the same connections
// fetch a static file of the same server (--floor-path): the floor of this machine at that moment;
// and the smallest page the app renders per request (--dynamic-floor-path, the staff sign-in page,
// no session, no query): the floor of a Next.js page render on this machine at that moment.
// The server's RSS is read every second; --heap-snapshots writes a snapshot after the warm-up and
// one after the idle wait, and prints what grew. Prints figures; asserts nothing.
import autocannon from "autocannon";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import "./lib/allow-server-only";
import { benchDatabase } from "./lib/bench-database";
import { heapGrowth, heapLargest, summarizeHeapSnapshot } from "./lib/heap-summary";
import { buildIfStale, LOAD_DIST_DIR, sampleRss, startApp, takeHeapSnapshot } from "./lib/built-app";
import { ensureLoadStaff, signInOverHttp, type SignedInStaff } from "./lib/load-staff";
import { describe, drive, merge, type Drive } from "./lib/load-drive";
import { ms, summarize } from "./lib/stats";

const root = process.cwd();
const PAGES = ["list", "search", "profile", "space"] as const;
type PageKind = (typeof PAGES)[number];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(values: readonly T[]) => values[Math.floor(Math.random() * values.length)];

/** The staff scenario: each pass of a connection takes the next signed-in session and a student it may see. */
function staffScenario(staff: SignedInStaff[], studentsBySchool: Map<string, string[]>, allStudents: string[], searchTerms: string[]) {
  let next = 0;
  let answered: PageKind = "list";
  type Pass = { cookie: string; studentId: string };
  const request = (kind: PageKind, pathOf: (pass: Pass) => string, first = false): autocannon.Request => ({
    method: "GET",
    setupRequest: (request, context) => {
      const pass = context as Partial<Pass>;
      if (first || !pass.cookie) {
        const member = staff[next++ % staff.length];
        const pool = member.schoolIds ? member.schoolIds.flatMap((id) => studentsBySchool.get(id) ?? []) : allStudents;
        Object.assign(pass, { cookie: member.cookie, studentId: pick(pool) });
      }
      return { ...request, path: pathOf(pass as Pass), headers: { ...request.headers, cookie: (pass as Pass).cookie } };
    },
    onResponse: () => void (answered = kind),
  });
  return {
    requests: [
      request("list", () => "/etudiants", true),
      request("search", () => `/etudiants?q=${encodeURIComponent(pick(searchTerms))}`),
      request("profile", (pass) => `/etudiants/${pass.studentId}`),
      request("space", (pass) => `/etudiants/${pass.studentId}/espace-etudiant`),
    ],
    pageOf: () => answered,
  };
}

/** Before any load: each kind of staff member gets each page of the scenario with HTTP 200. */
async function checkPages(url: string, staff: SignedInStaff[], studentsBySchool: Map<string, string[]>, allStudents: string[]) {
  for (const member of staff) {
    const studentId = member.schoolIds ? studentsBySchool.get(member.schoolIds[0])![0] : allStudents[0];
    for (const page of ["/etudiants", "/etudiants?q=martin", `/etudiants/${studentId}`, `/etudiants/${studentId}/espace-etudiant`]) {
      const answer = await fetch(`${url}${page}`, { headers: { cookie: member.cookie }, redirect: "manual" });
      if (answer.status !== 200) throw new Error(`${member.email}: GET ${page} answered ${answer.status}`);
    }
  }
}

const pageKindOf = (url: string): PageKind | null =>
  url.startsWith("/etudiants?q=")
    ? "search"
    : url === "/etudiants"
      ? "list"
      : url.endsWith("/espace-etudiant")
        ? "space"
        : /^\/etudiants\/\w+$/.test(url)
          ? "profile"
          : null;

/**
 * SQL statements per page view, counted inside a server started for that alone (statement-counter.cjs
 * attributes each statement to the HTTP request that sent it): each page of the scenario opened
 * `times` times by each kind of staff member, after one view that fills the caches.
 */
async function countStatements(
  url: string,
  staff: SignedInStaff[],
  studentsBySchool: Map<string, string[]>,
  allStudents: string[],
  logFile: string,
  times = 10,
) {
  for (let round = 0; round <= times; round++) await checkPages(url, staff, studentsBySchool, allStudents);
  const views = readFileSync(logFile, "utf8")
    .trim()
    .split("\n")
    .filter((line) => !line.startsWith(" "))
    .map((line) => line.split(" "));
  const counts = new Map<PageKind, number[]>();
  for (const [method, path, status, statements] of views) {
    const kind = method === "GET" && status === "200" ? pageKindOf(path) : null;
    if (kind) counts.set(kind, [...(counts.get(kind) ?? []), Number(statements)]);
  }
  // The first view of each page per staff member (cold caches) is left out: the steady state is what load sees.
  return Object.fromEntries(PAGES.map((kind) => [kind, summarize((counts.get(kind) ?? []).slice(staff.length))]));
}

async function main() {
  const { values } = parseArgs({
    options: {
      students: { type: "string", default: "100000" },
      staff: { type: "string", default: "50" },
      duration: { type: "string", default: "120" },
      rounds: { type: "string", default: "4" },
      "floor-seconds": { type: "string" },
      "floor-path": { type: "string", default: "/icon.svg" },
      "dynamic-floor-path": { type: "string", default: "/connexion" },
      idle: { type: "string", default: "30" },
      postgres: { type: "boolean", default: false },
      json: { type: "string" },
      "heap-snapshots": { type: "string" },
      "server-node-options": { type: "string", default: "" },
    },
  });
  const [students, staffCount, duration, rounds, idle] = [values.students, values.staff, values.duration, values.rounds, values.idle].map(
    Number,
  );
  const roundSeconds = Math.max(1, Math.round(duration / rounds));
  const floorSeconds = Number(values["floor-seconds"] ?? Math.max(5, Math.round(roundSeconds / 3)));
  const { url } = await benchDatabase(`sesame_load_${students}`, values.postgres);
  const authSecret = "load-secret-that-is-long-enough-for-next-auth";
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET = authSecret;

  const { prepareDatabase } = await import("../lib/db/prepare");
  const { createDatabaseClient } = await import("../lib/db/client");
  const { seedDemoSchool } = await import("../prisma/seed/demo-school");
  const { seedAccessMix } = await import("../prisma/seed/access-mix");
  const { LAST_NAMES } = await import("../prisma/seed/names");
  const { redactUrl } = await import("./lib/redact-url");

  console.log(`Database: ${redactUrl(url)}`);
  await prepareDatabase(url);
  const db = createDatabaseClient(url);
  let started = performance.now();
  const seeded = await seedDemoSchool(db, { students, log: console.log });
  if (seeded.seeded) {
    const accesses = await seedAccessMix(db);
    await db.$executeRawUnsafe("ANALYZE");
    console.log(`Seed: ${seeded.students} students, ${accesses} accesses in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else console.log(`Seed: database already holds ${seeded.students} students`);
  const members = await ensureLoadStaff(db, staffCount);
  const sample = await db.$queryRawUnsafe<{ id: string; schoolId: string }[]>(
    `SELECT "id", "schoolId" FROM "Student" ORDER BY random() LIMIT 5000`,
  );
  await db.$disconnect();
  const studentsBySchool = new Map<string, string[]>();
  for (const row of sample) studentsBySchool.set(row.schoolId, [...(studentsBySchool.get(row.schoolId) ?? []), row.id]);

  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: authSecret };
  started = performance.now();
  const build = buildIfStale(root, LOAD_DIST_DIR, env);
  console.log(
    `Build (${LOAD_DIST_DIR}): ${build === "built" ? `built in ${((performance.now() - started) / 1000).toFixed(0)} s` : "up to date"}`,
  );

  const signIn = async (url: string, chosen: typeof members) => {
    const staff: SignedInStaff[] = [];
    for (const member of chosen) staff.push({ ...member, cookie: await signInOverHttp(url, member.email) });
    return staff;
  };
  const serverEnv = {
    ...env,
    DATABASE_URL: url,
    // No email is sent during the run; the worker still polls the outbox as in production.
    SMTP_URL: "smtp://127.0.0.1:9",
  };
  const statementDir = mkdtempSync(path.join(os.tmpdir(), "sesame-load-"));
  const statementLog = path.join(statementDir, "statements.log");
  const counter = await startApp(root, LOAD_DIST_DIR, {
    ...serverEnv,
    NODE_OPTIONS: `--require ${path.join(root, "scripts", "lib", "statement-counter.cjs")}`,
    SESAME_STATEMENT_LOG: statementLog,
  });
  let statements;
  try {
    const kinds = await signIn(counter.url, members.slice(0, 3));
    statements = await countStatements(
      counter.url,
      kinds,
      studentsBySchool,
      sample.map((row) => row.id),
      statementLog,
    );
  } finally {
    await counter.stop();
    rmSync(statementDir, { recursive: true, force: true });
  }
  console.log(
    `SQL statements per page view (median, ${members
      .slice(0, 3)
      .map((member) => member.email.split("@")[0])
      .join(", ")}): ${PAGES.map((page) => `${page} ${statements[page].p50}`).join(", ")}`,
  );

  const snapshotDir = values["heap-snapshots"] ? path.resolve(values["heap-snapshots"]) : null;
  const app = await startApp(root, LOAD_DIST_DIR, {
    ...serverEnv,
    // Node's own settings of the served process, to try heap limits without touching `npm start`.
    NODE_OPTIONS: [values["server-node-options"], snapshotDir ? `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${snapshotDir}` : ""]
      .join(" ")
      .trim(),
  });
  const rss = sampleRss(app.pid);
  try {
    console.log(`App: ${app.url} (pid ${app.pid}), RSS at start ${rss.now().toFixed(0)} MB`);
    const staff = await signIn(app.url, members);
    console.log(`Signed in ${staff.length} staff sessions`);
    const scenario = staffScenario(
      staff,
      studentsBySchool,
      sample.map((row) => row.id),
      LAST_NAMES,
    );
    const floor: autocannon.Request[] = [{ method: "GET", path: values["floor-path"] }];
    const dynamicFloor: autocannon.Request[] = [{ method: "GET", path: values["dynamic-floor-path"] }];
    await checkPages(
      app.url,
      staff.slice(0, 3),
      studentsBySchool,
      sample.map((row) => row.id),
    );

    await drive(app.url, staffCount, 5, scenario.requests, scenario.pageOf);
    console.log(`Warm-up done, RSS ${rss.now().toFixed(0)} MB`);
    const snapshots: string[] = [];
    if (snapshotDir) snapshots.push(await takeHeapSnapshot(app.pid, snapshotDir));

    const loadStarted = Date.now();
    const appRuns: Drive[] = [];
    const floorRuns: Drive[] = [];
    const dynamicFloorRuns: Drive[] = [];
    for (let round = 1; round <= rounds; round++) {
      // The last round also takes a snapshot half-way (it pauses the server, so that round is slower).
      const during = snapshotDir && round === rounds ? sleep(roundSeconds * 500).then(() => takeHeapSnapshot(app.pid, snapshotDir)) : null;
      const appRun = await drive(app.url, staffCount, roundSeconds, scenario.requests, scenario.pageOf);
      if (during) snapshots.push(await during);
      const floorRun = await drive(app.url, staffCount, floorSeconds, floor, () => "floor");
      const dynamicFloorRun = await drive(app.url, staffCount, floorSeconds, dynamicFloor, () => "dynamic floor");
      appRuns.push(appRun);
      floorRuns.push(floorRun);
      dynamicFloorRuns.push(dynamicFloorRun);
      const [a, f, d] = [describe("app", appRun), describe("floor", floorRun), describe("dynamic floor", dynamicFloorRun)];
      console.log(
        `Round ${round}/${rounds}: app ${a.requestsPerSecond.toFixed(0)} req/s p50 ${ms(a.p50)} p95 ${ms(a.p95)} ms non-2xx ${a.non2xx} errors ${a.errors}` +
          ` | floor ${f.requestsPerSecond.toFixed(0)} req/s p50 ${ms(f.p50)} p95 ${ms(f.p95)} ms` +
          ` | dynamic floor ${d.requestsPerSecond.toFixed(0)} req/s p50 ${ms(d.p50)} p95 ${ms(d.p95)} ms | RSS ${rss.now().toFixed(0)} MB`,
      );
    }
    const peak = rss.peakSince(loadStarted);
    const loadEnded = Date.now();
    console.log(`Idle for ${idle} s…`);
    await sleep(idle * 1000);
    const idleRss = rss.now();

    const app_ = merge(appRuns);
    const result = {
      command: `npm run bench:load -- ${process.argv.slice(2).join(" ")}`.trim(),
      database: values.postgres ? "postgresql" : "sqlite",
      students,
      staff: staffCount,
      seconds: { app: app_.seconds, floor: merge(floorRuns).seconds, dynamicFloor: merge(dynamicFloorRuns).seconds, rounds },
      app: describe("app", app_),
      floor: describe("floor", merge(floorRuns)),
      dynamicFloor: describe("dynamic floor", merge(dynamicFloorRuns)),
      statementsPerPageView: statements,
      byPage: Object.fromEntries(
        PAGES.map((page) => {
          const latencies = app_.byPage.get(page) ?? [];
          return [page, { ...summarize(latencies), kilobytes: (app_.bytesByPage.get(page) ?? 0) / Math.max(1, latencies.length) / 1024 }];
        }),
      ),
      rssMb: { start: rss.samples[0]?.mb, peak, idle: idleRss, idleAfterSeconds: idle, loadSeconds: (loadEnded - loadStarted) / 1000 },
      heap: null as null | Record<string, unknown>,
    };
    console.log(
      `\nApp  : ${result.app.requestsPerSecond.toFixed(1)} req/s, p50 ${ms(result.app.p50)} ms, p95 ${ms(result.app.p95)} ms, p99 ${ms(result.app.p99)} ms, non-2xx ${result.app.non2xx}, errors ${result.app.errors} (${JSON.stringify(result.app.statusCodes)})`,
    );
    console.log(
      `Floor: ${result.floor.requestsPerSecond.toFixed(1)} req/s, p50 ${ms(result.floor.p50)} ms, p95 ${ms(result.floor.p95)} ms, p99 ${ms(result.floor.p99)} ms (${values["floor-path"]})`,
    );
    const dynamic = result.dynamicFloor;
    console.log(
      `Dynamic floor: ${dynamic.requestsPerSecond.toFixed(1)} req/s, p50 ${ms(dynamic.p50)} ms, p95 ${ms(dynamic.p95)} ms, p99 ${ms(dynamic.p99)} ms (${values["dynamic-floor-path"]}, no session)`,
    );
    for (const page of PAGES)
      console.log(
        `  ${page.padEnd(8)} p50 ${ms(result.byPage[page].p50)} ms, p95 ${ms(result.byPage[page].p95)} ms, ${result.byPage[page].kilobytes.toFixed(0)} kB (${result.byPage[page].runs})`,
      );
    console.log(`RSS  : start ${result.rssMb.start?.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, ${idle} s after ${idleRss.toFixed(0)} MB`);

    if (snapshotDir) {
      snapshots.push(await takeHeapSnapshot(app.pid, snapshotDir));
      const [before, during, after] = snapshots.map(summarizeHeapSnapshot);
      const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
      console.log(
        `\nLive heap (each snapshot collects garbage first): after warm-up ${mb(before.totalBytes)}, under load ${mb(during.totalBytes)}, after the idle wait ${mb(after.totalBytes)}`,
      );
      for (const [label, growth] of [
        ["under load", heapGrowth(before, during)],
        ["after the idle wait", heapGrowth(before, after)],
      ] as const) {
        console.log(`What grew from the warm-up to ${label}:`);
        for (const row of growth.slice(0, 12))
          console.log(`  ${mb(row.bytes).padStart(10)} ${String(row.count).padStart(8)} objects  ${row.key}`);
      }
      result.heap = {
        snapshots,
        bytes: [before, during, after].map((summary) => summary.totalBytes),
        underLoad: heapGrowth(before, during),
        afterIdle: heapGrowth(before, after),
        largestUnderLoad: heapLargest(during),
      };
    }
    if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    rss.stop();
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
