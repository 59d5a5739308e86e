// Server logs may be shipped to third parties and kept for long: they get what helps to diagnose a
// failure, never an address, a password hash, a link token or a session. Everything the server process
// writes to console.error and console.warn — the app, next-auth, Next.js, Prisma — goes through here,
// on one line each.

const REDACTIONS: [RegExp, string][] = [
  [/eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*)?/g, "[token]"],
  [/\$argon2[a-z]*\$[^\s"'`;]+/g, "[hash]"],
  [/[^\s<>()"'`,;:@]+@[^\s<>()"'`,;:@]+\.[A-Za-z]{2,}/g, "[email]"],
  // Link tokens (43 characters), SHA-256 hex digests, JWT parts: any long unbroken secret-like run.
  [/[A-Za-z0-9_-]{32,}/g, "[secret]"],
];

export function redact(text: string): string {
  return REDACTIONS.reduce((value, [pattern, replacement]) => value.replace(pattern, replacement), text);
}

/** One line describing a failure, redacted and bounded (Prisma errors can quote whole queries). */
export function describeError(error: unknown): string {
  return oneLine(textOf(error), 500);
}

type ConsoleLike = { error: (...args: unknown[]) => void; warn: (...args: unknown[]) => void };

/**
 * Makes everything written to console.error and console.warn one redacted line, whoever writes it:
 * Next.js prints errors thrown while rendering a page or in a route handler with their stack and
 * message (a Prisma error quotes the query), Prisma prints its warnings, and neither can be routed
 * otherwise. Called once at server start (instrumentation.ts).
 */
export function routeConsoleThroughLog(target: ConsoleLike = console): void {
  for (const level of ["error", "warn"] as const) {
    const write = target[level].bind(target);
    target[level] = (...args: unknown[]) => write(oneLine(args.map(textOf).join(" "), 1000));
  }
}

function oneLine(text: string, maxLength: number): string {
  return redact(text.replace(/\s+/g, " ").trim()).slice(0, maxLength);
}

/** An error as its name, code, message and digest (what the error page shows); a stack says nothing more. */
function textOf(value: unknown): string {
  if (typeof value === "string") return value.replace(/\n\s+at [^\n]*/g, "");
  if (!(value instanceof Error)) return safeJson(value);
  const digest = (value as { digest?: unknown }).digest;
  return typeof digest === "string" ? `${errorText(value)} (digest ${digest})` : errorText(value);
}

// Prisma's messages quote the calling source around the cause ("Invalid `db.x.findFirst()`
// invocation in <file> … → <code> … <cause>"): keep the call, the error code and the cause.
function errorText(error: Error): string {
  const { code: rawCode } = error as { code?: unknown };
  const code = typeof rawCode === "string" ? ` ${rawCode}` : "";
  const lines = error.message
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const call = lines[0]?.match(/^Invalid `([^`]+)` invocation/)?.[1];
  if (!call) return `${error.name}${code}: ${error.message}`;
  return `${error.name}${code}: ${call}: ${lines[lines.length - 1]}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function logError(context: string, error: unknown): void {
  console.error(`[${redact(context)}]`, describeError(error));
}

export function logWarning(context: string, detail?: unknown): void {
  console.warn(`[${redact(context)}]`, detail === undefined ? "" : describeError(detail));
}

/** What the server did, for the operator (e.g. how many reminders a tick queued): one redacted line. */
export function logInfo(context: string, message: string): void {
  console.info(oneLine(`[${redact(context)}] ${redact(message)}`, 1000));
}
