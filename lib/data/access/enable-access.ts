import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { StaffContext } from "@/lib/rights";
import { findPerson, type PersonRef } from "../people";
import { accessRowOf, addressTakenByAnother, claimSignInEmail, currentState, lockAndRecheck } from "./access-row";
import { issueLink, newLink } from "./links";
import { emailProblem, refuse, refusedAs, type AccessOutcome } from "./outcome";

/** "Activer l'accès": enables the access; sends the activation email when no password was ever chosen. */
export async function enableAccess(staff: StaffContext, ref: PersonRef, now = new Date()): Promise<AccessOutcome> {
  const person = await findPerson(staff, ref);
  if (!person) return refuse("not_found");
  const problem = emailProblem(person);
  if (problem) return refuse(problem);
  const existing = person.accessId ? await getDb().portalAccess.findUnique({ where: { id: person.accessId } }) : null;
  if (existing?.enabled) return refuse("already_enabled");
  if (await addressTakenByAnother(person.email, person.accessId)) return refuse("email_in_use");
  const needsLink = !existing?.passwordHash;
  const link = needsLink ? newLink(person, null, now, "invitation") : null;
  const id = await accessRowOf(person);
  const accessId = await refusedAs(() =>
    getDb().$transaction(async (tx) => {
      await lockAndRecheck(tx, person, id);
      // Conditional, so a double click enables (and emails) once.
      const enabled = await tx.portalAccess.updateMany({
        where: { id, enabled: false },
        data: { enabled: true, enabledAt: now, enabledById: staff.id, disabledAt: null, disabledById: null },
      });
      if (enabled.count !== 1) throw new AppError("already_enabled");
      await claimSignInEmail(tx, id, person.email);
      await tx.accessEvent.create({ data: { accessId: id, type: "enabled", actorId: staff.id, email: person.email } });
      if (link) await issueLink(tx, staff, person, id, { copyToStaff: false, now, link });
      return id;
    }),
  );
  if (typeof accessId !== "string") return accessId;
  return { ok: true, state: await currentState(accessId), emailQueued: needsLink };
}
