// Starts the real app for the browser tests: production build (reused while the sources are
// unchanged), a fresh SQLite database in a temp dir with the demo school, `next start` on a free port.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfStale, startApp, type RunningApp } from "../../scripts/lib/built-app";
import { startLocalInbox, type LocalInbox } from "../../scripts/lib/local-inbox";

export const DIST_DIR = ".next-e2e";
const root = path.resolve(__dirname, "..", "..");

function runScript(script: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), script, ...args], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stdout}\n${result.stderr}`);
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
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: "e2e-secret-that-is-long-enough-for-next-auth",
  };
  buildIfStale(root, distDir, { ...env, ...buildEnv });

  // The database, the inbox's store and the server's log, in one folder that the teardown deletes.
  const dir = mkdtempSync(path.join(os.tmpdir(), "sesame-e2e-"));
  (globalThis as { e2eDir?: string }).e2eDir = dir;
  const databaseUrl = `file:${path.join(dir, "e2e.db")}`;
  runScript("scripts/migrate.ts", [], { ...env, DATABASE_URL: databaseUrl });
  runScript("scripts/seed.ts", ["--students", "60"], { ...env, DATABASE_URL: databaseUrl });

  // A real SMTP server with its inbox, read back by the tests through its JSON endpoint.
  const inbox = await startLocalInbox({ smtpPort: 0, webPort: 0, storeFile: path.join(dir, "inbox.jsonl") });
  (globalThis as { e2eInbox?: LocalInbox }).e2eInbox = inbox;

  // What the server prints also goes to a file the tests read (e.g. to check what gets logged).
  const logFile = path.join(dir, "server.log");
  const app = await startApp(
    root,
    distDir,
    {
      ...env,
      DATABASE_URL: databaseUrl,
      SMTP_URL: `smtp://127.0.0.1:${inbox.smtpPort}`,
      MAIL_RATE_PER_MINUTE: "6000",
      MAIL_RETRY_BASE_SECONDS: "1",
    },
    logFile,
  );
  (globalThis as { e2eApp?: RunningApp }).e2eApp = app;

  process.env.E2E_BASE_URL = app.url;
  process.env.E2E_DATABASE_URL = databaseUrl;
  process.env.E2E_INBOX_URL = `http://127.0.0.1:${inbox.webPort}`;
  process.env.E2E_SERVER_LOG = logFile;
  process.env.E2E_DIST_DIR = distDir;
}
