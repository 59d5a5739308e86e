// Everything a database needs before the app uses it: pending schema migrations, then data that the
// app derives in code (search texts). Not server-only: run by npm start, db:migrate and the tests.
import { refreshSearchTexts } from "@/lib/search/reindex";
import { createDatabaseClient } from "./client";
import { applyMigrations } from "./migrations";

export type PreparedDatabase = { appliedMigrations: string[]; searchTextsRebuilt: number };

export async function prepareDatabase(url: string): Promise<PreparedDatabase> {
  const appliedMigrations = await applyMigrations(url);
  const db = createDatabaseClient(url);
  try {
    return { appliedMigrations, searchTextsRebuilt: await refreshSearchTexts(db) };
  } finally {
    await db.$disconnect();
  }
}
