import "server-only";
import { getDb } from "@/lib/db";
import { emailKey } from "@/lib/access/email-key";
import { checkPassword } from "@/lib/access/password-policy";
import type { PasswordProblem } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { revokeLinks } from "./access/links";
import { portalSessionStands, type PortalSession } from "./portal-sessions";

export type PortalSignIn = { ok: true; accessId: string; sessionVersion: number } | { ok: false; reason: "invalid" | "disabled" };

/**
 * The portal account this email signs in to, if the password is right. One address signs in to one
 * account (PortalAccess.signInEmail is unique). "disabled" is only said once the password is right,
 * so the answer reveals nothing about accounts to someone who does not know it.
 */
export async function findPortalAccount(email: string, password: string, now = new Date()): Promise<PortalSignIn> {
  const key = emailKey(email);
  const db = getDb();
  const enabled = key
    ? await db.portalAccess.findUnique({ where: { signInEmail: key }, select: { id: true, passwordHash: true, enabled: true, sessionVersion: true } })
    : null;
  if (enabled?.enabled && enabled.passwordHash && (await verifyPassword(enabled.passwordHash, password))) {
    await db.portalAccess.update({ where: { id: enabled.id }, data: { lastSignInAt: now } });
    return { ok: true, accessId: enabled.id, sessionVersion: enabled.sessionVersion };
  }
  // A disabled access keeps its password, so its owner can be told to contact the school.
  const disabled = key
    ? await db.portalAccess.findMany({
        where: { enabled: false, passwordHash: { not: null }, OR: [{ student: { emailKey: key } }, { guardian: { emailKey: key } }] },
        select: { passwordHash: true },
        take: 5,
      })
    : [];
  for (const access of disabled) {
    if (await verifyPassword(access.passwordHash, password)) return { ok: false, reason: "disabled" };
  }
  // Same work whether or not an account exists: one password verification at least.
  if (!enabled?.passwordHash && !disabled.length) await verifyPassword(null, password);
  return { ok: false, reason: "invalid" };
}

export type PortalStudent = {
  firstName: string;
  lastName: string;
  email: string | null;
  school: string;
  program: string;
  className: string;
  schoolYear: string;
};

export type PortalHome =
  | { kind: "student"; name: string; email: string | null; student: PortalStudent }
  | { kind: "guardian"; name: string; email: string | null; children: PortalStudent[] };

const studentInclude = {
  school: { select: { name: true } },
  program: { select: { name: true } },
  schoolClass: { select: { name: true } },
  schoolYear: { select: { label: true } },
} as const;

function portalStudent(student: {
  firstName: string;
  lastName: string;
  email: string | null;
  school: { name: string };
  program: { name: string };
  schoolClass: { name: string };
  schoolYear: { label: string };
}): PortalStudent {
  return {
    firstName: student.firstName,
    lastName: student.lastName,
    email: student.email,
    school: student.school.name,
    program: student.program.name,
    className: student.schoolClass.name,
    schoolYear: student.schoolYear.label,
  };
}

/**
 * What the signed-in person sees, or null when the session no longer stands: signed out, expired,
 * access disabled, password changed or a link sent by staff since it was opened (version moved on).
 */
export async function loadPortalHome(session: PortalSession): Promise<PortalHome | null> {
  if (!(await portalSessionStands(session))) return null;
  const access = await getDb().portalAccess.findUnique({
    where: { id: session.accessId },
    include: {
      student: { include: studentInclude },
      guardian: { include: { students: { include: { student: { include: studentInclude } } } } },
    },
  });
  if (!access) return null;
  if (access.student) {
    const { student } = access;
    return { kind: "student", name: `${student.firstName} ${student.lastName}`, email: student.email, student: portalStudent(student) };
  }
  const guardian = access.guardian!;
  return {
    kind: "guardian",
    name: `${guardian.firstName} ${guardian.lastName}`,
    email: guardian.email,
    children: guardian.students.map((link) => portalStudent(link.student)).sort((a, b) => a.firstName.localeCompare(b.firstName)),
  };
}

export type ChangePasswordOutcome =
  | { ok: true; sessionVersion: number }
  | { ok: false; reason: "session" | "wrong_current" }
  | { ok: false; reason: "weak_password"; problems: PasswordProblem[] };

/**
 * "Changer mon mot de passe" from the portal: needs the current password; ends every other portal
 * session of the person (the caller re-signs this one's cookie with the returned version) and every
 * pending link.
 */
export async function changePortalPassword(session: PortalSession, current: string, next: string, now = new Date()): Promise<ChangePasswordOutcome> {
  if (!(await portalSessionStands(session))) return { ok: false, reason: "session" };
  const access = await getDb().portalAccess.findUnique({
    where: { id: session.accessId },
    include: { student: true, guardian: true },
  });
  // The version condition on the update below settles a change racing this one.
  if (!access?.passwordHash) return { ok: false, reason: "session" };
  if (!(await verifyPassword(access.passwordHash, current))) return { ok: false, reason: "wrong_current" };
  const person = access.student ?? access.guardian!;
  const { problems } = checkPassword(next, { names: [person.firstName, person.lastName], email: person.email });
  if (problems.length) return { ok: false, reason: "weak_password", problems };
  const passwordHash = await hashPassword(next);
  const changed = await getDb().$transaction(async (tx) => {
    const updated = await tx.portalAccess.updateMany({
      where: { id: access.id, sessionVersion: session.sessionVersion },
      data: { passwordHash, sessionVersion: { increment: 1 }, linkExpiresAt: null },
    });
    if (updated.count !== 1) return false;
    // A link still pending (asked for with « Mot de passe oublié ? », say) must not undo this password.
    await revokeLinks(tx, access.id, "password_set", now);
    await tx.accessEvent.create({ data: { accessId: access.id, type: "password_changed", email: person.email } });
    return true;
  });
  if (!changed) return { ok: false, reason: "session" };
  return { ok: true, sessionVersion: session.sessionVersion + 1 };
}
