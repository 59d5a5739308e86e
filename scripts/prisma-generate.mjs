// Generates the Prisma clients (SQLite and PostgreSQL) after `npm install`.
// The native schema engine cannot be downloaded on every machine and generation does not use it,
// so any existing file satisfies the CLI's check (see docs/decisions/001-database.md).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");

for (const config of ["prisma.config.ts", "prisma/postgres.config.ts"]) {
  execFileSync(process.execPath, [prismaCli, "generate", "--config", config], {
    cwd: root,
    env,
    stdio: "inherit",
  });
}
