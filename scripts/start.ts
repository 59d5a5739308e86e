// `npm start`: the whole app on the embedded defaults, in one command.
//   1. validate the configuration (a clear message for each bad variable);
//   2. keep a generated AUTH_SECRET in data/auth-secret when none is set;
//   3. apply pending migrations; seed the demo school when the database is empty;
//   4. build when the sources changed since the last build; serve on PORT (3000).
// `npm run dev` does the same with `next dev` instead of build + start.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { GENERATED_SECRET_FILE, parseConfig } from "../lib/config";
import { createDatabaseClient } from "../lib/db/client";
import { prepareDatabase } from "../lib/db/prepare";
import { providerOf } from "../lib/db/provider";
import { seedDemoSchool } from "../prisma/seed/demo-school";
import { buildIsCurrent, nextBin } from "./lib/build-state";
import { startLocalInbox } from "./lib/local-inbox";
import { redactUrl } from "./lib/redact-url";
import { SERVER_NODE_ARGS, serverProcessEnv } from "./lib/server-process";

const root = process.cwd();
const dev = process.argv.includes("--dev");
const SECRET_FILE = path.join(root, GENERATED_SECRET_FILE);

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (existsSync(SECRET_FILE)) return readFileSync(SECRET_FILE, "utf8").trim();
  mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  console.log(`Generated AUTH_SECRET in ${path.relative(root, SECRET_FILE)}`);
  return secret;
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, [nextBin(root), ...args], {
    stdio: "inherit",
    env,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main() {
  let config;
  try {
    config = parseConfig({ ...process.env, AUTH_SECRET: authSecret() });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const provider = providerOf(config.DATABASE_URL);
  console.log(`Database: ${provider} ${redactUrl(config.DATABASE_URL)}`);
  const { appliedMigrations, searchTextsRebuilt } = await prepareDatabase(config.DATABASE_URL);
  console.log(appliedMigrations.length ? `Applied migrations: ${appliedMigrations.join(", ")}` : "Database schema is up to date");
  if (searchTextsRebuilt) console.log(`Rebuilt the search texts of ${searchTextsRebuilt} students and parents`);

  if (config.SEED_DEMO ?? provider === "sqlite") {
    const db = createDatabaseClient(config.DATABASE_URL);
    try {
      const summary = await seedDemoSchool(db, { students: 60 });
      if (summary.seeded) console.log(`Seeded the demo school: ${summary.students} students, ${summary.guardians} parents`);
    } finally {
      await db.$disconnect();
    }
  }

  // Embedded mode: without SMTP_URL, emails go to a local inbox that the user can read.
  let smtpUrl = config.SMTP_URL;
  if (!process.env.SMTP_URL) {
    const inbox = await startLocalInbox({
      smtpPort: 1025,
      webPort: config.MAIL_INBOX_PORT,
      storeFile: path.join(root, "data", "mail-inbox.jsonl"),
    });
    smtpUrl = `smtp://127.0.0.1:${inbox.smtpPort}`;
    console.log(`Local mail inbox: http://localhost:${inbox.webPort} (every email Sésame sends lands there)`);
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: config.DATABASE_URL,
    AUTH_SECRET: config.AUTH_SECRET,
    APP_URL: config.APP_URL,
    SMTP_URL: smtpUrl,
    NEXTAUTH_URL: config.APP_URL,
    NEXTAUTH_SECRET: config.AUTH_SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const port = String(config.PORT);
  if (dev) {
    const devServer = spawn(process.execPath, [nextBin(root), "dev", "--port", port], { stdio: "inherit", env });
    devServer.on("exit", (code) => process.exit(code ?? 0));
    return;
  }
  if (buildIsCurrent(root)) console.log("Build is up to date");
  else run(["build"], env);
  console.log(`Sésame is starting on ${config.APP_URL} (sign in with a demo account from README.md)`);
  if (!servedSafely(config.APP_URL)) {
    console.warn(
      `Warning: APP_URL (${config.APP_URL}) is not https: session cookies are not marked Secure. Serve Sésame over https in production.`,
    );
  }
  const server = spawn(process.execPath, [...SERVER_NODE_ARGS, nextBin(root), "start", "--port", port], {
    stdio: "inherit",
    env: serverProcessEnv(env),
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(`Start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

/** https, or the machine itself (the embedded mode): anything else sends sessions in clear. */
function servedSafely(appUrl: string): boolean {
  const { protocol, hostname } = new URL(appUrl);
  return protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(hostname);
}
