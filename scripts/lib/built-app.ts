// The production app as the e2e tests and the benchmarks run it: built into a folder of its own when
// the sources changed, started with `next start` on a free port, and watched from outside through
// /proc (resident memory) and, on request, heap snapshots (SIGUSR2).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { buildIsCurrent, nextBin } from "./build-state";
import { SERVER_NODE_ARGS, serverProcessEnv } from "./server-process";

/** The benchmarks' build (bench:load, bench:bulk-probe): apart from the e2e build in .next-e2e, so no lock is needed beside an e2e run. */
export const LOAD_DIST_DIR = ".next-load";

/** Builds the app into `distDir` unless the build there is newer than every source; says which. */
export function buildIfStale(root: string, distDir: string, env: NodeJS.ProcessEnv): "built" | "current" {
  if (buildIsCurrent(root, distDir)) return "current";
  const build = spawnSync(process.execPath, [nextBin(root), "build"], {
    cwd: root,
    env: { ...env, NEXT_DIST_DIR: distDir },
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  return "built";
}

/** Each server action's id in the build in `distDir`, by its exported name (what a form posts as Next-Action). */
export function actionIdsOf(root: string, distDir: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(root, distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  return Object.fromEntries(Object.entries(manifest.node).map(([id, action]) => [action.exportedName, id]));
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * One GET on a new connection, as a first visit; `status` is null without an answer within `timeoutMs`.
 * No keep-alive: a pooled socket would keep the caller (e.g. Jest) alive after its run.
 */
export function getOnce(url: string, timeoutMs = 10_000): Promise<{ status: number | null; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = get(url, { agent: false, timeout: timeoutMs }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? null, ms: performance.now() - started }));
    });
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", () => resolve({ status: null, ms: performance.now() - started }));
  });
}

export type RunningApp = {
  url: string;
  pid: number;
  /** What the server printed, for a failed start or a surprising figure. */
  output(): string;
  stop(): Promise<void>;
};

/**
 * `next start` on a free port with `env`; resolves once the sign-in page answers 200. With `logFile`,
 * everything the server prints is also appended there.
 */
export async function startApp(root: string, distDir: string, env: NodeJS.ProcessEnv, logFile?: string): Promise<RunningApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(
    process.execPath,
    [...SERVER_NODE_ARGS, nextBin(root), "start", "--hostname", "127.0.0.1", "--port", String(port)],
    {
      cwd: root,
      // As `npm start` runs it (heap limit, allocator settings), so figures are those of the real server.
      env: serverProcessEnv({ ...env, NODE_ENV: "production", NEXT_DIST_DIR: distDir, APP_URL: url, NEXTAUTH_URL: url }),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk).slice(-20_000);
    if (logFile) appendFileSync(logFile, chunk);
  };
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null) return resolve();
      const timer = setTimeout(() => server.kill("SIGKILL"), 5000);
      server.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      server.kill("SIGTERM");
    });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited:\n${output}`);
    if ((await getOnce(`${url}/connexion`)).status === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not answer within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, pid: server.pid!, output: () => output, stop };
}

/** Resident memory of a process in MB (VmRSS), or null once it is gone. */
function rssMegabytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every second until stopped; `peakSince` reads the highest since a mark. */
export function sampleRss(pid: number) {
  const samples: { at: number; mb: number }[] = [];
  const take = () => {
    const mb = rssMegabytes(pid);
    if (mb !== null) samples.push({ at: Date.now(), mb });
  };
  take();
  const timer = setInterval(take, 1000);
  return {
    samples,
    now: () => rssMegabytes(pid) ?? NaN,
    peakSince: (since: number) => Math.max(...samples.filter((sample) => sample.at >= since).map((sample) => sample.mb)),
    stop: () => clearInterval(timer),
  };
}

/**
 * Asks a process started with `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=<dir>` for a heap
 * snapshot and waits until the file is written (the size stops changing); returns its path.
 */
export async function takeHeapSnapshot(pid: number, dir: string, timeoutMs = 180_000): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const before = new Set(readdirSync(dir));
  process.kill(pid, "SIGUSR2");
  const deadline = Date.now() + timeoutMs;
  let lastSize = -1;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const file = readdirSync(dir).find((name) => name.endsWith(".heapsnapshot") && !before.has(name));
    if (!file) continue;
    const full = path.join(dir, file);
    const size = existsSync(full) ? statSync(full).size : 0;
    // Node writes the JSON in one go and ends it with "]}" plus a newline: a stable size is a written file.
    if (size > 0 && size === lastSize) return full;
    lastSize = size;
  }
  throw new Error(`no heap snapshot in ${dir} after ${timeoutMs / 1000} s`);
}
