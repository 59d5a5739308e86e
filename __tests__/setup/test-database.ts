// The app's own Prisma client (lib/db.ts) is what the tests use; close it when a test file ends.
export async function disconnectTestDatabase() {
  // Imported here, not at the top: the module must be the one this test file loaded (and used).
  (await import("@/lib/data/rate-limits")).stopRateLimiterCleanup();
  const holder = globalThis as unknown as { sesameDb?: { $disconnect(): Promise<void> } };
  await holder.sesameDb?.$disconnect();
  holder.sesameDb = undefined;
}
