// Usage: npm run bench [-- --smoke] [-- --postgres-million] [-- --only students,load] [-- --json bench.json]
// Runs every benchmark one after the other (each prints its own table) and writes one JSON file with
// all their figures: the list at 10k and 100k students on SQLite and PostgreSQL (and 1M on PostgreSQL
// with --postgres-million), the concurrent-staff load, the bulk send probe and throughput, and the
// JavaScript each page ships. The load and the bulk probe start the built app from .next-load, the
// bundle from .next-bundle (each rebuilt when the sources changed). --smoke runs each at a tiny size
// to check it still works (CI does).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { StudentBenchResult } from "./bench-students";

// smokeArgs: the tiny size --smoke runs the step at; null leaves the step out of --smoke.
type Step = { name: string; script: string; args: string[]; smokeArgs: string[] | null; heavy?: boolean };

const STEPS: Step[] = [
  {
    name: "students-sqlite-10k",
    script: "bench-students.ts",
    args: ["--students", "10000", "--runs", "40"],
    smokeArgs: ["--students", "300", "--runs", "2"],
  },
  { name: "students-sqlite-100k", script: "bench-students.ts", args: ["--students", "100000", "--runs", "40"], smokeArgs: null },
  {
    name: "students-postgres-10k",
    script: "bench-students.ts",
    args: ["--students", "10000", "--runs", "40", "--postgres"],
    smokeArgs: ["--students", "300", "--runs", "2", "--postgres"],
  },
  {
    name: "students-postgres-100k",
    script: "bench-students.ts",
    args: ["--students", "100000", "--runs", "40", "--postgres"],
    smokeArgs: null,
  },
  {
    name: "students-postgres-1m",
    script: "bench-students.ts",
    args: ["--students", "1000000", "--runs", "20", "--postgres"],
    smokeArgs: null,
    heavy: true,
  },
  {
    name: "bulk-throughput",
    script: "bench-bulk-resend.ts",
    args: ["--students", "1000", "--rounds", "3"],
    smokeArgs: ["--students", "30", "--rounds", "1"],
  },
  { name: "bulk-probe-sqlite", script: "bench-bulk-probe.ts", args: [], smokeArgs: ["--students", "300", "--bulk", "50"] },
  { name: "bulk-probe-postgres", script: "bench-bulk-probe.ts", args: ["--postgres"], smokeArgs: null },
  {
    name: "load-sqlite",
    script: "bench-load.ts",
    args: [],
    smokeArgs: ["--students", "300", "--staff", "3", "--duration", "3", "--rounds", "1", "--idle", "1"],
  },
  { name: "load-postgres", script: "bench-load.ts", args: ["--postgres"], smokeArgs: null },
  { name: "bundle", script: "bench-bundle.ts", args: [], smokeArgs: [] },
];

async function main() {
  const { values } = parseArgs({
    options: {
      smoke: { type: "boolean", default: false },
      "postgres-million": { type: "boolean", default: false },
      only: { type: "string" },
      json: { type: "string", default: "bench-results.json" },
    },
  });
  const only = values.only?.split(",").map((name) => name.trim());
  const steps = STEPS.filter((step) => {
    if (values.smoke && !step.smokeArgs) return false;
    if (only) return only.some((name) => step.name.startsWith(name));
    return values.smoke || !step.heavy || values["postgres-million"];
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), "sesame-bench-all-"));
  const results: Record<string, unknown> = {};
  const failures: string[] = [];
  for (const step of steps) {
    const out = path.join(dir, `${step.name}.json`);
    const args = (values.smoke && step.smokeArgs) || step.args;
    console.log(`\n=== ${step.name}: tsx scripts/${step.script} ${args.join(" ")}`);
    const started = performance.now();
    const run = spawnSync(path.join("node_modules", ".bin", "tsx"), [path.join("scripts", step.script), ...args, "--json", out], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "" },
    });
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== 0) {
      failures.push(step.name);
      results[step.name] = { failed: true, exitCode: run.status, wallSeconds: seconds };
      continue;
    }
    results[step.name] = { ...JSON.parse(readFileSync(out, "utf8")), wallSeconds: seconds };
  }
  rmSync(dir, { recursive: true, force: true });
  const report = {
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    date: new Date().toISOString(),
    smoke: values.smoke,
    results,
  };
  writeFileSync(values.json, JSON.stringify(report, null, 2));
  printSummary(results);
  console.log(
    `\nFigures of ${steps.length} benchmarks written to ${values.json}${failures.length ? `; failed: ${failures.join(", ")}` : ""}`,
  );
  if (failures.length) process.exit(1);
}

type StudentsResult = { provider: string; students: number; results: StudentBenchResult[] };

/** One line per benchmark: the figures the targets are about (each step printed its details above). */
function printSummary(results: Record<string, unknown>) {
  console.log(`\n${"benchmark".padEnd(26)} headline`);
  for (const [name, result] of Object.entries(results)) {
    const value = result as { failed?: boolean; wallSeconds: number };
    if (value.failed) {
      console.log(`${name.padEnd(26)} FAILED`);
      continue;
    }
    if (name.startsWith("students-")) {
      const { results: cases } = result as StudentsResult;
      const worst = cases.reduce((a, b) => (b.app.p95 > a.app.p95 ? b : a));
      const ratios = cases.flatMap((entry) => (entry.ratio ? [entry.ratio] : [])).sort((a, b) => a - b);
      const over = cases.filter((entry) => entry.app.p95 > 20).map((entry) => entry.label);
      console.log(
        `${name.padEnd(26)} worst p95 ${worst.app.p95.toFixed(1)} ms (${worst.label}); median app÷floor ${ratios[Math.floor(ratios.length / 2)]?.toFixed(2) ?? "–"}; p95 over 20 ms: ${over.length}/${cases.length}`,
      );
      continue;
    }
    console.log(`${name.padEnd(26)} ${headline(name, result) ?? `done in ${value.wallSeconds.toFixed(0)} s (figures in the JSON file)`}`);
  }
}

// The other scripts write their own shapes: a figure is read by its path, and a missing one prints as « – ».
const figure = (result: unknown, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), result);

/** The line of a benchmark other than the list's: what its targets are about. */
function headline(name: string, result: unknown): string | null {
  const n = (path: string, digits = 0) => {
    const value = figure(result, path);
    return typeof value === "number" ? value.toFixed(digits) : "–";
  };
  if (name === "bulk-throughput") {
    return `app ${n("median.appEmailsPerSecond")} vs plain nodemailer ${n("median.plainEmailsPerSecond")} emails/s (ratio ${n("median.ratio", 2)}); start request ${n("median.startRequestMs")} ms; first email ${n("median.firstEmailMs")} ms`;
  }
  if (name.startsWith("bulk-probe")) {
    return `probe p95 ${n("probes.during.p95")} ms during the send (${n("probes.failures")} failed); ${n("perStudentPreparationMs", 2)} ms/student; first email ${n("firstEmailMs")} ms; start ${n("startRequestMs")} ms; RSS peak ${n("rssPeakMb")} MB`;
  }
  if (name.startsWith("load")) {
    const failed = Number(figure(result, "app.errors") ?? 0) + Number(figure(result, "app.non2xx") ?? 0);
    return `${n("app.requestsPerSecond")} req/s (static floor ${n("floor.requestsPerSecond")}, sign-in page ${n("dynamicFloor.requestsPerSecond")}), p95 ${n("app.p95")} ms, ${failed} errors; RSS peak ${n("rssMb.peak")} MB, idle ${n("rssMb.idle")} MB`;
  }
  if (name === "bundle") {
    const pages = (figure(result, "pages") ?? []) as { path: string; firstLoadJsGzip: number }[];
    return pages.map((page) => `${page.path} ${(page.firstLoadJsGzip / 1000).toFixed(1)} kB`).join(", ") + " first-load JS gzipped";
  }
  return null;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
