// The app's own Prisma client (lib/db.ts) is what the tests use; close it when a test file ends.
export async function disconnectTestDatabase() {
  const holder = globalThis as unknown as { sesameDb?: { $disconnect(): Promise<void> } };
  await holder.sesameDb?.$disconnect();
  holder.sesameDb = undefined;
}
