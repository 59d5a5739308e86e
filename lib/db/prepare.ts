// Everything a database needs before the app uses it: pending schema migrations, then data that the
// app derives in code (search texts). Not server-only: run by npm start, db:migrate and the tests.
import { refreshSearchTexts } from "@/lib/search/reindex";
import { createDatabaseClient } from "./client";
import { applyMigrations } from "./migrations";
import { providerOf } from "./provider";

export type PreparedDatabase = { appliedMigrations: string[]; searchTextsRebuilt: number };

export async function prepareDatabase(url: string): Promise<PreparedDatabase> {
  const appliedMigrations = await applyMigrations(url);
  const db = createDatabaseClient(url);
  try {
    // Write-ahead logging, kept in the file: readers never wait for a writer (a bulk send being
    // prepared does not hold up the pages), and a commit costs one append instead of a journal dance.
    if (providerOf(url) === "sqlite") {
      await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
      // Statistics for indexes a migration just created, so the planner does not prefer an index it
      // knows nothing about (the Accès filter sorted 28,000 rows instead of walking its sort index):
      // SQLite's recommended optimize, which analyses only the tables whose statistics are missing or stale.
      await db.$queryRawUnsafe("PRAGMA optimize = 0x10002");
    }
    return { appliedMigrations, searchTextsRebuilt: await refreshSearchTexts(db) };
  } finally {
    await db.$disconnect();
  }
}
