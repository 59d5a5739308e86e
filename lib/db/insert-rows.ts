import "server-only";
import type { Database } from "@/lib/db/client";
import { insertSql } from "@/lib/db/insert-sql";

type Writer = Pick<Database, "$executeRaw">;

/** Inserts rows with multi-row INSERTs (lib/db/insert-sql.ts); works inside a transaction. */
export async function insertRows(db: Writer, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (const statement of insertSql(table, rows)) await db.$executeRaw(statement);
}
