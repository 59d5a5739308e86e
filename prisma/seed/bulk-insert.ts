// Large seeds insert with the app's multi-row INSERTs (lib/db/insert-sql.ts): about five times faster
// than createMany, whose per-row work in Prisma's query compiler dominated the 100,000-student seed.
import type { Database } from "../../lib/db/client";
import { insertSql } from "../../lib/db/insert-sql";

// A batch of 5,000 students with their parents takes seconds once the search indexes are large
// (pg_trgm's GIN indexes at a million students): more than Prisma's 5-second transaction default.
export const SEED_BATCH_TRANSACTION = { timeout: 120_000, maxWait: 30_000 };

/** The statements for one batch transaction (`db.$transaction([...])`). */
export function insertStatements(db: Database, table: string, rows: Record<string, unknown>[]) {
  return insertSql(table, rows).map((statement) => db.$executeRaw(statement));
}
