// Pure: who is asking, as the rate limits of lib/data/rate-limits.ts count clients. Called by the
// action pipeline and by next-auth's credentials check, each with its own way of reading headers.

/**
 * The client's network address as the app sees it: the last X-Forwarded-For entry, the one the
 * nearest proxy appended (earlier entries are whatever the client sent), else X-Real-IP. Without a
 * proxy a client can choose it: the per-address limit still holds.
 */
export function clientKeyOf(header: (name: string) => string | null | undefined): string {
  const forwarded = header("x-forwarded-for")?.split(",").at(-1)?.trim();
  return (forwarded || header("x-real-ip")?.trim() || "local").slice(0, 64);
}
