// Builds a Prisma client for a DATABASE_URL. Not server-only so that scripts (seed, bench) can use it;
// the application goes through lib/db.ts, which keeps one client per process.
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { createAdapterFactory } from "./adapters";
import { providerOf } from "./provider";

/** Both generated clients share the same models, so one type serves the application code. */
export type Database = SqliteClient;

export function createDatabaseClient(url: string): Database {
  const adapter = createAdapterFactory(url);
  if (providerOf(url) === "sqlite") return new SqliteClient({ adapter });
  return new PostgresClient({ adapter: adapter as never }) as unknown as Database;
}

/** The client handed to an interactive transaction's callback. */
export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];
