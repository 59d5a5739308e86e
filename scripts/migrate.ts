// Usage: npm run db:migrate   (applies pending migrations to DATABASE_URL, SQLite file by default)
import { applyMigrations } from "../lib/db/migrations";
import { DEFAULT_DATABASE_URL, providerOf } from "../lib/db/provider";
import { redactUrl } from "./lib/redact-url";

async function main() {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const applied = await applyMigrations(url);
  const where = `${providerOf(url)} database ${redactUrl(url)}`;
  console.log(applied.length ? `Applied ${applied.join(", ")} to the ${where}` : `The ${where} is up to date`);
}

main().catch((error) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
