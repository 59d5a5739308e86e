// Recognises a database that is reachable but busy (SQLite locked by another writer, a PostgreSQL
// lock or pool wait that timed out): the user is told to retry, not that the server is down.

// Prisma: operations timed out, pool timeout, write conflict or deadlock.
const BUSY_PRISMA_CODES = new Set(["P1008", "P2024", "P2034"]);
// PostgreSQL: lock not available, statement cancelled by a timeout, serialization failure, deadlock.
const BUSY_POSTGRES_CODES = new Set(["55P03", "57014", "40001", "40P01"]);
const BUSY_SQLITE_CODES = new Set(["SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_TIMEOUT"]);

type MaybeDatabaseError = {
  code?: unknown;
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } };
  cause?: unknown;
};

export function isDatabaseBusy(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 3) return false;
  const candidate = error as MaybeDatabaseError;
  const code = typeof candidate.code === "string" ? candidate.code : "";
  if (BUSY_PRISMA_CODES.has(code) || BUSY_POSTGRES_CODES.has(code) || BUSY_SQLITE_CODES.has(code)) return true;
  const cause = candidate.meta?.driverAdapterError?.cause;
  if (cause && (BUSY_SQLITE_CODES.has(String(cause.originalCode)) || BUSY_POSTGRES_CODES.has(String(cause.originalCode)))) return true;
  return isDatabaseBusy(candidate.cause, depth + 1);
}
