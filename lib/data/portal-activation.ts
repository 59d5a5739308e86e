import "server-only";
import { checkActivationToken } from "./activation-links";
import { maskEmail } from "@/lib/access/mask-email";
import { checkPassword } from "@/lib/access/password-policy";
import type { LinkFailure, PasswordProblem } from "@/lib/errors";
import { getDb } from "@/lib/db";
import { hashPassword } from "@/lib/passwords";
import { revokeLinks } from "./access/links";

/** Who a valid link is for, as the activation page shows it (never the full address). */
export type ActivationTarget = {
  name: string;
  maskedEmail: string;
  schoolName: string;
  /** "reset" when the person already had a password: the page then speaks of a new password. */
  purpose: "activation" | "reset";
};

async function loadTarget(accessId: string) {
  const access = await getDb().portalAccess.findUniqueOrThrow({
    where: { id: accessId },
    include: {
      student: { include: { school: { select: { name: true } } } },
      guardian: { include: { students: { include: { student: { include: { school: { select: { name: true } } } } } } } },
    },
  });
  const person = access.student ?? access.guardian!;
  const schools = access.student
    ? [access.student.school.name]
    : [...new Set(access.guardian!.students.map((link) => link.student.school.name))];
  return { access, person, schoolName: schools.join(", ") };
}

/** What the activation page shows for a token. Opening the link never uses it up. */
export async function describeActivationLink(token: string, now = new Date()): Promise<{ ok: true; target: ActivationTarget } | { ok: false; reason: LinkFailure }> {
  const link = await checkActivationToken(token, now);
  if (!link.ok) return link;
  const { access, person, schoolName } = await loadTarget(link.accessId);
  if (!access.enabled) return { ok: false, reason: "disabled" };
  return {
    ok: true,
    target: {
      name: `${person.firstName} ${person.lastName}`,
      maskedEmail: maskEmail(person.email ?? ""),
      schoolName,
      purpose: access.passwordHash ? "reset" : "activation",
    },
  };
}

export type ChoosePasswordOutcome =
  /** `reset`: the person had a password before, this one replaces it. */
  | { ok: true; email: string; accessId: string; sessionVersion: number; reset: boolean }
  | { ok: false; reason: LinkFailure }
  | { ok: false; reason: "weak_password"; problems: PasswordProblem[] };

/**
 * Sets the person's password from a link and uses the link up — once: two submissions racing (two
 * tabs) both pass the first check, but only one can mark the link used. Ends portal sessions opened
 * with the previous password; returns the new session version so the caller can sign the person in.
 */
export async function choosePassword(token: string, password: string, now = new Date()): Promise<ChoosePasswordOutcome> {
  const link = await checkActivationToken(token, now);
  if (!link.ok) return link;
  const { access, person } = await loadTarget(link.accessId);
  if (!access.enabled) return { ok: false, reason: "disabled" };
  const { problems } = checkPassword(password, { names: [person.firstName, person.lastName], email: person.email });
  if (problems.length) return { ok: false, reason: "weak_password", problems };
  const passwordHash = await hashPassword(password);
  const consumed = await getDb().$transaction(async (tx) => {
    // Lock the access first: two different links of one person submitted at the same moment are
    // then taken one after the other, and the second finds itself revoked by the first.
    await tx.portalAccess.update({ where: { id: access.id }, data: { updatedAt: now } });
    const used = await tx.activationLink.updateMany({
      where: { id: link.linkId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (used.count !== 1) return null;
    // Any other link still pending (one the person asked for, say) could otherwise change it again.
    await revokeLinks(tx, access.id, "password_set", now);
    const updated = await tx.portalAccess.update({
      where: { id: access.id },
      data: {
        passwordHash,
        activatedAt: access.activatedAt ?? now,
        linkExpiresAt: null,
        sessionVersion: { increment: 1 },
      },
      select: { sessionVersion: true },
    });
    await tx.accessEvent.create({ data: { accessId: access.id, type: access.passwordHash ? "password_reset" : "activated", email: person.email } });
    return updated.sessionVersion;
  });
  if (consumed === null) {
    // Overtaken: say what happened to the link meanwhile (used, replaced, password set, disabled…).
    const overtaken = await checkActivationToken(token, now);
    return overtaken.ok ? { ok: false, reason: "used" } : overtaken;
  }
  return { ok: true, email: person.email ?? "", accessId: access.id, sessionVersion: consumed, reset: !!access.passwordHash };
}
