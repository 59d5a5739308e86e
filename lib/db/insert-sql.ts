// Multi-row INSERT statements, every column given (ids, timestamps: no Prisma default applies).
// Prisma's createMany spends about a millisecond per row in its query compiler; these are for the
// hundreds of rows of a bulk send's batch and the hundreds of thousands of a large seed. Prisma.sql
// writes the placeholders of whichever database the client talks to, and binds dates and booleans
// as Prisma itself stores them. Not server-only: the seed scripts use it too.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/sqlite/client";

// Under SQLite's limit of 32,766 bound parameters (PostgreSQL allows 65,535).
const MAX_PARAMETERS = 30_000;

/** An id for a row written this way, which has no Prisma to draw a cuid. */
export function newRowId(): string {
  return randomUUID().replace(/-/g, "");
}

/** The statements that insert `rows` (all with the same columns) into `table`. */
export function insertSql(table: string, rows: Record<string, unknown>[]): Prisma.Sql[] {
  if (!rows.length) return [];
  const columns = Object.keys(rows[0]);
  const columnList = Prisma.raw(columns.map((column) => `"${column}"`).join(", "));
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const statements: Prisma.Sql[] = [];
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const values = rows
      .slice(start, start + rowsPerStatement)
      .map((row) => Prisma.sql`(${Prisma.join(columns.map((column) => row[column] ?? null))})`);
    statements.push(Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}"`)} (${columnList}) VALUES ${Prisma.join(values)}`);
  }
  return statements;
}
