// Parents' portal accesses in every state, for the benchmarks of the « Accès des parents » filter and
// the board's parent counts: fewer parents than students sign up (the demo seed leaves everyone at
// « Aucun accès »). Parents sharing an address, or sharing one with a student who already has an
// access, are left without one (one address, one account: decision 012).
import type { Database } from "../../lib/db/client";
import { newRowId } from "../../lib/db/insert-sql";
import { insertStatements, SEED_BATCH_TRANSACTION } from "./bulk-insert";

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 5000;

/** Share of parents with an email in each state; the rest keep « Aucun accès ». */
const GUARDIAN_ACCESS_MIX = { active: 0.35, invited: 0.12, expired: 0.12, disabled: 0.03 } as const;

function stateOf(slot: number): keyof typeof GUARDIAN_ACCESS_MIX | "none" {
  let bound = 0;
  for (const [state, share] of Object.entries(GUARDIAN_ACCESS_MIX) as [keyof typeof GUARDIAN_ACCESS_MIX, number][]) {
    bound += share * 100;
    if (slot < bound) return state;
  }
  return "none";
}

/** Gives parents with an email an access in the GUARDIAN_ACCESS_MIX proportions; returns how many. */
export async function seedGuardianAccessMix(db: Database, now = new Date()): Promise<number> {
  const taken = new Set(
    (await db.portalAccess.findMany({ where: { signInEmail: { not: null } }, select: { signInEmail: true } })).map(
      (row) => row.signInEmail,
    ),
  );
  let processed = 0;
  let created = 0;
  let cursor: string | undefined;
  for (;;) {
    const guardians = await db.guardian.findMany({
      where: { emailKey: { not: null }, access: { is: null } },
      select: { id: true, emailKey: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (!guardians.length) return created;
    cursor = guardians[guardians.length - 1].id;
    const rows = guardians.flatMap((guardian, index) => {
      // A step of 7 spreads the states across families rather than giving both parents of one the same.
      const state = stateOf(((processed + index) * 7) % 100);
      if (state === "none") return [];
      const enabled = state !== "disabled";
      if (enabled && taken.has(guardian.emailKey)) return [];
      if (enabled) taken.add(guardian.emailKey);
      return [
        {
          id: newRowId(),
          guardianId: guardian.id,
          enabled,
          signInEmail: enabled ? guardian.emailKey : null,
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
    processed += guardians.length;
    created += rows.length;
  }
}
