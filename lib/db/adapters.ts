// Driver adapters for Prisma Client 7 (no native engine): better-sqlite3 for files, pg for PostgreSQL.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { providerOf, sqliteFilePath } from "./provider";

export function createAdapterFactory(url: string) {
  if (providerOf(url) === "sqlite") {
    const file = sqliteFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    return new PrismaBetterSqlite3({ url: `file:${file}` });
  }
  return new PrismaPg({ connectionString: url });
}
