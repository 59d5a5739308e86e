// Driver adapters for Prisma Client 7 (no native engine): better-sqlite3 for files, pg for PostgreSQL.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { providerOf, sqliteFilePath } from "./provider";
import { gateSqliteAdapterFactory } from "./sqlite-transaction-gate";

/**
 * How long a statement waits for a lock held by someone else before giving up with "busy": the same
 * on both databases (better-sqlite3's busy timeout is 5 s), so a request never hangs on a lock.
 */
export const LOCK_WAIT_MS = 5_000;

export function createAdapterFactory(url: string) {
  if (providerOf(url) === "sqlite") {
    const file = sqliteFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    return gateSqliteAdapterFactory(new PrismaBetterSqlite3({ url: `file:${file}`, timeout: LOCK_WAIT_MS }));
  }
  return new PrismaPg({ connectionString: url, options: `-c lock_timeout=${LOCK_WAIT_MS}` });
}
