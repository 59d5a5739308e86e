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

/** Gives students with an email an access in the ACCESS_MIX proportions; returns how many. */
export async function seedAccessMix(db: Database, now = new Date()): Promise<number> {
  let processed = 0;
  let created = 0;
  let cursor: string | undefined;
  for (;;) {
    const students = await db.student.findMany({
      where: { emailKey: { not: null }, access: { is: null } },
      select: { id: true, emailKey: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (!students.length) return created;
    cursor = students[students.length - 1].id;
    const rows = students.flatMap((student, index) => {
      const state = stateOf((processed + index) % 100);
      if (state === "none") return [];
      const enabled = state !== "disabled";
      return [
        {
          id: newRowId(),
          studentId: student.id,
          enabled,
          signInEmail: enabled ? student.emailKey : null,
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
    // Shared addresses (the featured families) cannot both sign in: those rows are left out.
    const seen = new Set<string>();
    const unique = rows.filter((row) => !row.signInEmail || (!seen.has(row.signInEmail) && seen.add(row.signInEmail)));
    await db.$transaction(insertStatements(db, "PortalAccess", unique), SEED_BATCH_TRANSACTION);
    processed += students.length;
    created += unique.length;
  }
}
