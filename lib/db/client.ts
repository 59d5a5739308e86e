// Builds a Prisma client for a DATABASE_URL. Not server-only so that scripts (seed, bench) can use it;
// the application goes through lib/db.ts, which keeps one client per process.
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { logWarning } from "@/lib/log";
import { createAdapterFactory } from "./adapters";
import { providerOf } from "./provider";

/** Both generated clients share the same models, so one type serves the application code. */
export type Database = SqliteClient;

// Prisma's own warnings go through lib/log.ts (one redacted line), not to stdout. Its errors are
// thrown to the code that made the query, which logs them there through the same logger.
const LOG = [{ emit: "event", level: "warn" }] as const;

type LogEvent = { message: string; target?: string };
type EventClient = { $on(event: "warn", listener: (event: LogEvent) => void): void };

export function createDatabaseClient(url: string): Database {
  const adapter = createAdapterFactory(url);
  const client =
    providerOf(url) === "sqlite"
      ? new SqliteClient({ adapter, log: [...LOG] })
      : new PostgresClient({ adapter: adapter as never, log: [...LOG] });
  const events = client as unknown as EventClient;
  events.$on("warn", (event) => logWarning("prisma", event.message));
  return client as unknown as Database;
}
