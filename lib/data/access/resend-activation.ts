import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { StaffContext } from "@/lib/rights";
import { findPerson, type PersonRef } from "../people";
import { accessRowOf, addressTakenByAnother, claimSignInEmail, currentState, lockAndRecheck } from "./access-row";
import { issueLink, newLink } from "./links";
import { emailProblem, refuse, refusedAs, type AccessOutcome } from "./outcome";

/**
 * "Renvoyer l'email d'activation": a new link (earlier ones stop working), to the person and, on
 * request, a copy to the staff member. Enables an access never enabled; refused while disabled.
 * For an "Actif" person the link lets them choose a new password (how staff reset one).
 */
export async function resendActivation(
  staff: StaffContext,
  ref: PersonRef,
  options: { copyToStaff: boolean; bulkSendId?: string; now?: Date },
): Promise<AccessOutcome & { messageId?: string }> {
  const now = options.now ?? new Date();
  const person = await findPerson(staff, ref);
  if (!person) return refuse("not_found");
  const problem = emailProblem(person);
  if (problem) return refuse(problem);
  const existing = person.accessId ? await getDb().portalAccess.findUnique({ where: { id: person.accessId } }) : null;
  if (existing && !existing.enabled && existing.disabledAt) return refuse("access_disabled");
  if (await addressTakenByAnother(person.email, person.accessId)) return refuse("email_in_use");
  // To a person who has chosen a password, the link is for a new one (how staff reset a password).
  const link = newLink(person, options.copyToStaff ? staff : null, now, existing?.passwordHash ? "staff_reset" : "invitation");
  const id = await accessRowOf(person);
  const done = await refusedAs(() =>
    getDb().$transaction(async (tx) => {
      const current = await lockAndRecheck(tx, person, id);
      if (!current.enabled && current.disabledAt) throw new AppError("access_disabled");
      if (!current.enabled) {
        await tx.portalAccess.update({ where: { id }, data: { enabled: true, enabledAt: now, enabledById: staff.id } });
        await tx.accessEvent.create({ data: { accessId: id, type: "enabled", actorId: staff.id, email: person.email } });
      }
      await claimSignInEmail(tx, id, person.email);
      const message = await issueLink(tx, staff, person, id, { ...options, now, link });
      return { accessId: id, messageId: message.id };
    }),
  );
  if (!("accessId" in done)) return done;
  return { ok: true, state: await currentState(done.accessId), emailQueued: true, messageId: done.messageId };
}
