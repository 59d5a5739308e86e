import "server-only";
import { getDb } from "@/lib/db";
import type { StaffContext } from "@/lib/rights";
import { findPerson, type PersonRef } from "../people";
import { cancelQueuedEmails } from "./access-row";
import { revokeLinks } from "./links";
import { refuse, type AccessOutcome } from "./outcome";

/** "Désactiver l'accès": no sign-in, every pending link revoked, open portal sessions end. */
export async function disableAccess(staff: StaffContext, ref: PersonRef, now = new Date()): Promise<AccessOutcome> {
  const person = await findPerson(staff, ref);
  if (!person) return refuse("not_found");
  const accessId = person.accessId;
  const existing = accessId ? await getDb().portalAccess.findUnique({ where: { id: accessId } }) : null;
  if (!accessId || !existing?.enabled) return refuse("not_enabled");
  await getDb().$transaction(async (tx) => {
    await revokeLinks(tx, accessId, "deactivated", now);
    await cancelQueuedEmails(tx, accessId, "access disabled");
    await tx.portalAccess.update({
      where: { id: accessId },
      data: {
        enabled: false,
        signInEmail: null,
        disabledAt: now,
        disabledById: staff.id,
        linkExpiresAt: null,
        sessionVersion: { increment: 1 },
      },
    });
    await tx.accessEvent.create({ data: { accessId, type: "disabled", actorId: staff.id, email: person.email } });
  });
  return { ok: true, state: "disabled", emailQueued: false };
}
