/** @jest-environment node */
// A request's interactive transaction waits between two statements (an await in its callback) while
// another request writes and reads outside it. The outside work must neither be rolled back with that
// transaction nor see what it has not committed: true on PostgreSQL (one connection per
// transaction), and on SQLite's single connection only because outside queries wait for it to end.
import { getDb } from "@/lib/db";
import { createWorld } from "../factories/school";

it("keeps a write made outside an open transaction when that transaction rolls back", async () => {
  const world = await createWorld();
  const db = getDb();
  const organizationId = world.organization.id;
  let midway!: () => void;
  const reachedMidway = new Promise<void>((resolve) => (midway = resolve));
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const rolledBack = db
    .$transaction(async (tx) => {
      await tx.school.create({ data: { organizationId, name: "Dans la transaction" } });
      midway();
      await finished;
      throw new Error("abandoned");
    })
    .catch((error: Error) => error.message);

  await reachedMidway;
  // Prisma's queries are lazy: `.then` sends them now, while the transaction is still open.
  const outsideWrite = db.school.create({ data: { organizationId, name: "Hors transaction" } }).then((school) => school.name);
  const outsideRead = db.school.findMany({ where: { organizationId, name: "Dans la transaction" } }).then((schools) => schools);
  // Give the outside statements every chance to run before the transaction ends.
  await new Promise((resolve) => setTimeout(resolve, 50));
  finish();

  expect(await rolledBack).toBe("abandoned");
  expect(await outsideWrite).toBe("Hors transaction");
  expect(await outsideRead).toEqual([]);
  const names = (await db.school.findMany({ where: { organizationId }, select: { name: true } })).map((school) => school.name);
  expect(names).toContain("Hors transaction");
  expect(names).not.toContain("Dans la transaction");
});
