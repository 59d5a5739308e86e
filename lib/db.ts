import "server-only";
import { createDatabaseClient, type Database } from "./db/client";
import { providerOf, type DatabaseProvider } from "./db/provider";
import { getEnv } from "./env";

const globalForDb = globalThis as unknown as { sesameDb?: Database };

/** The one Prisma client of the process (kept across hot reloads in development). */
export function getDb(): Database {
  globalForDb.sesameDb ??= createDatabaseClient(getEnv().DATABASE_URL);
  return globalForDb.sesameDb;
}

/** Which database the app talks to, for the few queries written in each one's SQL. */
export function getDbProvider(): DatabaseProvider {
  return providerOf(getEnv().DATABASE_URL);
}
