// Usage: npm run db:migrate   (applies pending migrations to DATABASE_URL, SQLite file by default)
import { prepareDatabase } from "../lib/db/prepare";
import { DEFAULT_DATABASE_URL, providerOf } from "../lib/db/provider";
import { redactUrl } from "./lib/redact-url";

async function main() {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const { appliedMigrations, searchTextsRebuilt } = await prepareDatabase(url);
  const where = `${providerOf(url)} database ${redactUrl(url)}`;
  console.log(appliedMigrations.length ? `Applied ${appliedMigrations.join(", ")} to the ${where}` : `The ${where} is up to date`);
  if (searchTextsRebuilt) console.log(`Rebuilt the search texts of ${searchTextsRebuilt} students and parents`);
}

main().catch((error) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
