// Starts the real app for the browser tests: production build (reused while the sources are
// unchanged), a fresh SQLite database in a temp dir with the demo school, `next start` on a free port.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { appendFileSync, mkdtempSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { buildIsCurrent, nextBin } from "../../scripts/lib/build-state";
import { startLocalInbox, type LocalInbox } from "../../scripts/lib/local-inbox";

export const DIST_DIR = ".next-e2e";
const root = path.resolve(__dirname, "..", "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function runScript(script: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), script, ...args], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stdout}\n${result.stderr}`);
}

/** GET without keep-alive: a pooled socket would keep Jest's process alive after the run. */
function statusOf(url: string): Promise<number | null> {
  return new Promise((resolve) => {
    const request = get(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? null);
    });
    request.on("error", () => resolve(null));
  });
}

async function waitUntilUp(url: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited:\n${output()}`);
    if ((await statusOf(`${url}/connexion`)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not answer within 60 s:\n${output()}`);
}

export default function setup() {
  return startBuiltApp(DIST_DIR);
}

/**
 * Builds into `distDir` when the sources changed, then starts it on a fresh seeded database with a
 * real SMTP server; sets E2E_BASE_URL and the other E2E_* variables. Stopped by global-teardown.ts.
 */
export async function startBuiltApp(distDir: string, buildEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: "e2e-secret-that-is-long-enough-for-next-auth",
  };
  if (!buildIsCurrent(root, distDir)) {
    const build = spawnSync(process.execPath, [nextBin(root), "build"], { cwd: root, env: { ...env, ...buildEnv }, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  }

  const databaseUrl = `file:${path.join(mkdtempSync(path.join(os.tmpdir(), "sesame-e2e-")), "e2e.db")}`;
  runScript("scripts/migrate.ts", [], { ...env, DATABASE_URL: databaseUrl });
  runScript("scripts/seed.ts", ["--students", "60"], { ...env, DATABASE_URL: databaseUrl });

  // A real SMTP server with its inbox, read back by the tests through its JSON endpoint.
  const inbox = await startLocalInbox({ smtpPort: 0, webPort: 0, storeFile: path.join(path.dirname(databaseUrl.slice(5)), "inbox.jsonl") });
  (globalThis as { e2eInbox?: LocalInbox }).e2eInbox = inbox;

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [nextBin(root), "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: root,
    env: {
      ...env,
      DATABASE_URL: databaseUrl,
      APP_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      SMTP_URL: `smtp://127.0.0.1:${inbox.smtpPort}`,
      MAIL_RATE_PER_MINUTE: "6000",
      MAIL_RETRY_BASE_SECONDS: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Kept in memory for a failed start, and in a file the tests read (e.g. to check what gets logged).
  const logFile = path.join(path.dirname(databaseUrl.slice(5)), "server.log");
  let log = "";
  const keep = (chunk: Buffer) => {
    log += chunk;
    appendFileSync(logFile, chunk);
  };
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);
  (globalThis as { e2eServer?: ChildProcess }).e2eServer = server;
  await waitUntilUp(baseUrl, server, () => log);

  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_DATABASE_URL = databaseUrl;
  process.env.E2E_INBOX_URL = `http://127.0.0.1:${inbox.webPort}`;
  process.env.E2E_SERVER_LOG = logFile;
  process.env.E2E_DIST_DIR = distDir;
}
