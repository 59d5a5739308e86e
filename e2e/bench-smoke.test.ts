/** @jest-environment node */
// Benchmarks are not run in CI, but each must keep working: `npm run bench -- --smoke` runs every
// one at a tiny size (the built app of the e2e setup, a real SMTP server, SQLite and PostgreSQL) and
// writes their figures to one JSON file, which must hold a measurement from each.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

type StepResult = { failed?: boolean; wallSeconds: number; [key: string]: unknown };

/** Every finite number in a JSON value, with its path. */
function numbersIn(value: unknown, at = ""): [string, number][] {
  if (typeof value === "number") return Number.isFinite(value) ? [[at, value]] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => numbersIn(item, `${at}[${index}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => numbersIn(item, at ? `${at}.${key}` : key));
  return [];
}

it(
  "every benchmark runs at a tiny size and reports figures",
  () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sesame-bench-smoke-"));
    const json = path.join(dir, "bench.json");
    const run = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/bench.ts", "--smoke", "--json", json], {
      encoding: "utf8",
      env: { ...process.env, NODE_ENV: "production" },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0)
      throw new Error(`npm run bench -- --smoke failed (${run.status}):\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`);
    const report = JSON.parse(readFileSync(json, "utf8")) as { results: Record<string, StepResult> };
    rmSync(dir, { recursive: true, force: true });
    const steps = Object.keys(report.results);
    expect(steps).toEqual(
      expect.arrayContaining([
        "students-sqlite-10k",
        "students-postgres-10k",
        "bulk-throughput",
        "bulk-probe-sqlite",
        "load-sqlite",
        "bundle",
      ]),
    );
    for (const step of steps) {
      const { failed, wallSeconds, ...figures } = report.results[step];
      expect({ step, failed }).toEqual({ step, failed: undefined });
      expect(wallSeconds).toBeGreaterThan(0);
      // A step that measured nothing writes no positive figure (times, rates, sizes).
      expect({ step, measured: numbersIn(figures).some(([, value]) => value > 0) }).toEqual({ step, measured: true });
    }
    for (const provider of ["sqlite", "postgres"]) {
      const students = report.results[`students-${provider}-10k`] as unknown as {
        provider: string;
        results: { label: string; app: { p50: number } }[];
      };
      expect(students.provider).toBe(provider);
      expect(students.results.length).toBeGreaterThan(20);
      for (const entry of students.results)
        expect({ label: entry.label, positive: entry.app.p50 > 0 }).toEqual({ label: entry.label, positive: true });
    }
  },
  20 * 60_000,
);
