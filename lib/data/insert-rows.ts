import "server-only";
import { randomUUID } from "node:crypto";
import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/sqlite/client";

type Writer = Pick<Database, "$executeRaw">;

// Under SQLite's limit of 32,766 bound parameters (PostgreSQL allows 65,535).
const MAX_PARAMETERS = 30_000;

/** An id for a row written by insertRows, which has no Prisma to draw a cuid (as the seed's rows). */
export function newRowId(): string {
  return randomUUID().replace(/-/g, "");
}

/**
 * Multi-row INSERTs, every column given (ids, timestamps: no Prisma default applies). Prisma's
 * createMany spends about a millisecond per row in its query compiler, and a batch of a bulk send
 * writes hundreds of rows; Prisma.sql writes the placeholders of whichever database the client talks
 * to, and binds dates and booleans as Prisma itself stores them. Works inside a transaction.
 */
export async function insertRows(db: Writer, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  const columnList = Prisma.raw(columns.map((column) => `"${column}"`).join(", "));
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const values = rows.slice(start, start + rowsPerStatement).map((row) => Prisma.sql`(${Prisma.join(columns.map((column) => row[column] ?? null))})`);
    await db.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${columnList}) VALUES ${Prisma.join(values)}`;
  }
}
