// Server logs may be shipped to third parties and kept for long: they get what helps to diagnose a
// failure, never an address, a password hash, a link token or a session. Every error logged by the
// app goes through here.

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
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return redact(text.replace(/\s+/g, " ").trim()).slice(0, 500);
}

export function logError(context: string, error: unknown): void {
  console.error(`[${context}]`, describeError(error));
}
