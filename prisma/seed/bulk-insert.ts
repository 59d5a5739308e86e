// Multi-row INSERTs for large seeds: about five times faster than createMany, whose per-row work in
// Prisma's query compiler dominated the 100,000-student seed. Prisma.sql writes the placeholders of
// whichever database the client talks to, so the same code serves SQLite and PostgreSQL.
import type { Database } from "../../lib/db/client";
import { Prisma } from "../../lib/generated/sqlite/client";

// A batch of 5,000 students with their parents takes seconds once the search indexes are large
// (pg_trgm's GIN indexes at a million students): more than Prisma's 5-second transaction default.
export const SEED_BATCH_TRANSACTION = { timeout: 120_000, maxWait: 30_000 };

// Keeps each statement under SQLite's limit of 32,766 bound parameters.
const MAX_PARAMETERS = 30_000;

export function insertStatements(db: Database, table: string, rows: Record<string, unknown>[]) {
  if (!rows.length) return [];
  const columns = Object.keys(rows[0]);
  const columnList = Prisma.raw(columns.map((column) => `"${column}"`).join(", "));
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const statements = [];
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const values = rows
      .slice(start, start + rowsPerStatement)
      .map((row) => Prisma.sql`(${Prisma.join(columns.map((column) => row[column] ?? null))})`);
    statements.push(db.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${columnList}) VALUES ${Prisma.join(values)}`);
  }
  return statements;
}
