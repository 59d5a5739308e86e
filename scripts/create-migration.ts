// Usage: npm run db:migration:create -- <name>
// Copies the models of prisma/sqlite/schema.prisma to prisma/postgres/schema.prisma, then writes one
// migration per provider: the SQL between the last migrated schema (kept as migrations/schema.snapshot)
// and the current one. See docs/decisions/001-database.md.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { diffSchemas, prismaDir } from "../lib/db/migrations";
import { modelsOf } from "../lib/db/schema-text";
import type { DatabaseProvider } from "../lib/db/provider";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:create -- <name in snake_case>");
  process.exit(1);
}

const sqliteSchemaPath = path.join(prismaDir("sqlite"), "schema.prisma");
const postgresSchemaPath = path.join(prismaDir("postgres"), "schema.prisma");
const sqliteSchema = readFileSync(sqliteSchemaPath, "utf8");
const postgresSchema = readFileSync(postgresSchemaPath, "utf8");
writeFileSync(
  postgresSchemaPath,
  postgresSchema.slice(0, postgresSchema.length - modelsOf(postgresSchema).length) + modelsOf(sqliteSchema),
);

const diffUrls: Record<DatabaseProvider, string> = {
  sqlite: `file:${path.join(mkdtempSync(path.join(os.tmpdir(), "sesame-diff-")), "diff.db")}`,
  postgres: process.env.SHADOW_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
};
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

async function main() {
  for (const provider of ["sqlite", "postgres"] as const) {
    const dir = path.join(prismaDir(provider), "migrations");
    const snapshotPath = path.join(dir, "schema.snapshot");
    const schema = readFileSync(path.join(prismaDir(provider), "schema.prisma"), "utf8");
    const previous = existsSync(snapshotPath) ? readFileSync(snapshotPath, "utf8") : null;
    const sql = await diffSchemas(diffUrls[provider], previous, schema);
    if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
      console.log(`${provider}: no change`);
      continue;
    }
    const migrationDir = path.join(dir, `${stamp}_${name}`);
    mkdirSync(migrationDir, { recursive: true });
    writeFileSync(path.join(migrationDir, "migration.sql"), sql);
    writeFileSync(path.join(dir, "migration_lock.toml"), `provider = "${provider === "postgres" ? "postgresql" : "sqlite"}"\n`);
    writeFileSync(snapshotPath, schema);
    console.log(`${provider}: wrote ${path.relative(process.cwd(), migrationDir)}/migration.sql`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
