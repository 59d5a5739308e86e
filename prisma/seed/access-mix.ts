// Portal accesses in every state, for the benchmarks: a school some months into using Sésame. The
// demo seed leaves everyone at « Aucun accès » so that the demo starts where a school starts.
import type { Database } from "../../lib/db/client";
import { newRowId } from "../../lib/db/insert-sql";
import { insertStatements, SEED_BATCH_TRANSACTION } from "./bulk-insert";

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 5000;

/** Share of students with an email in each state; the rest keep « Aucun accès ». */
const ACCESS_MIX = { active: 0.5, invited: 0.15, expired: 0.1, disabled: 0.05 } as const;

function stateOf(slot: number): keyof typeof ACCESS_MIX | "none" {
  let bound = 0;
  for (const [state, share] of Object.entries(ACCESS_MIX) as [keyof typeof ACCESS_MIX, number][]) {
    bound += share * 100;
    if (slot < bound) return state;
  }
  return "none";
}

/**
 * Gives students, then parents, with an email an access in the ACCESS_MIX proportions; returns how
 * many. Parents too: the board's parent numbers and the « Accès des parents » filter are measured
 * on a school where parents use the portal as well.
 */
export async function seedAccessMix(db: Database, now = new Date()): Promise<number> {
  // One address signs in to one account: an address already taken (a parent sharing a student's,
  // the featured families) is left without an access.
  const taken = new Set<string>();
  // Students and parents are read the same way: a page of those with an address and no access yet.
  const pageOf = (cursor: string | undefined) => ({
    where: { emailKey: { not: null }, access: { is: null } },
    select: { id: true, emailKey: true },
    orderBy: { id: "asc" as const },
    take: BATCH,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const students = await seedPeople(db, now, taken, "studentId", (cursor) => db.student.findMany(pageOf(cursor)));
  const guardians = await seedPeople(db, now, taken, "guardianId", (cursor) => db.guardian.findMany(pageOf(cursor)));
  return students + guardians;
}

async function seedPeople(
  db: Database,
  now: Date,
  taken: Set<string>,
  owner: "studentId" | "guardianId",
  page: (cursor: string | undefined) => Promise<{ id: string; emailKey: string | null }[]>,
): Promise<number> {
  let processed = 0;
  let created = 0;
  let cursor: string | undefined;
  for (;;) {
    const people = await page(cursor);
    if (!people.length) return created;
    cursor = people[people.length - 1].id;
    const rows = people.flatMap((person, index) => {
      const state = stateOf((processed + index) % 100);
      if (state === "none") return [];
      const enabled = state !== "disabled";
      if (enabled && (!person.emailKey || taken.has(person.emailKey))) return [];
      if (enabled) taken.add(person.emailKey!);
      return [
        {
          id: newRowId(),
          [owner]: person.id,
          enabled,
          signInEmail: enabled ? person.emailKey : null,
          passwordHash: state === "active" ? "seeded-no-sign-in" : null,
          enabledAt: new Date(now.getTime() - 30 * DAY_MS),
          disabledAt: state === "disabled" ? new Date(now.getTime() - DAY_MS) : null,
          linkExpiresAt:
            state === "invited" ? new Date(now.getTime() + 5 * DAY_MS) : state === "expired" ? new Date(now.getTime() - 5 * DAY_MS) : null,
          createdAt: now,
          updatedAt: now,
        },
      ];
    });
    await db.$transaction(insertStatements(db, "PortalAccess", rows), SEED_BATCH_TRANSACTION);
    processed += people.length;
    created += rows.length;
  }
}
