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

// Constraint failures, whether Prisma's query builder reports them (P2002, P2003, P2025) or a raw
// statement does (P2010, with the driver adapter's kind).
type MaybeConstraintError = { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } } | null;

function constraintOf(error: unknown): { code: string; kind: string } {
  const candidate = error as MaybeConstraintError;
  return { code: String(candidate?.code ?? ""), kind: String(candidate?.meta?.driverAdapterError?.cause?.kind ?? "") };
}

/** A unique index refused the row (an address already signing in, a row already recorded). */
export function isUniqueViolation(error: unknown): boolean {
  const { code, kind } = constraintOf(error);
  return code === "P2002" || kind === "UniqueConstraintViolation";
}

/** A foreign key names a row that is gone (deleted meanwhile). */
export function isMissingReference(error: unknown): boolean {
  const { code, kind } = constraintOf(error);
  return code === "P2003" || kind === "ForeignKeyConstraintViolation";
}

/** The row an update or delete was meant for is gone. */
export function isMissingRecord(error: unknown): boolean {
  return constraintOf(error).code === "P2025";
}
