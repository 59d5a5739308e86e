import "server-only";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, type ErrorCode } from "@/lib/errors";
import { emailKey } from "@/lib/access/email-key";
import { accessState, type AccessState } from "@/lib/access/state";
import { activationUrl, createLinkToken } from "@/lib/access/tokens";
import type { Transaction } from "@/lib/db/client";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { queueActivationEmails, type ActivationEmail } from "@/lib/mail/queue";
import type { StaffContext } from "@/lib/rights";
import { refreshGuardianSearchTexts } from "@/lib/search/reindex";
import { emailStatus } from "@/lib/access/email-address";
import { deriveGuardianColumns, deriveStudentColumns } from "./person-columns";
import { findPerson, personAccessKey, type Person, type PersonRef } from "./people";

/** Why an access operation was refused: codes of the one error vocabulary (lib/errors.ts). */
export type AccessFailure = Extract<
  ErrorCode,
  "not_found" | "missing_email" | "invalid_email" | "already_enabled" | "not_enabled" | "access_disabled" | "same_email" | "email_in_use" | "conflict"
>;

export type AccessOutcome = { ok: true; state: AccessState; emailQueued: boolean } | { ok: false; error: AccessFailure };

function refuse(error: AccessFailure): AccessOutcome {
  return { ok: false, error };
}

/** Runs `work`; an AppError thrown inside (e.g. to roll a transaction back) becomes the refusal it names. */
async function refusedAs<T>(work: () => Promise<T>): Promise<T | AccessOutcome> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) return refuse(error.code as AccessFailure);
    throw error;
  }
}

/**
 * First statement of every access transaction: locks the access row (PostgreSQL holds it until
 * commit; SQLite runs one writer at a time anyway) and re-reads what the checks before the
 * transaction relied on, so a concurrent email change or deactivation cannot be overtaken.
 */
async function lockAndRecheck(tx: Transaction, person: Person, accessId: string) {
  const access = await tx.portalAccess.update({ where: { id: accessId }, data: { updatedAt: new Date() } });
  const current =
    person.kind === "student"
      ? await tx.student.findUniqueOrThrow({ where: { id: person.id }, select: { email: true } })
      : await tx.guardian.findUniqueOrThrow({ where: { id: person.id }, select: { email: true } });
  if (current.email !== person.email) throw new AppError("conflict");
  return access;
}

/** Emails still waiting to leave for this access, e.g. to an address just corrected: not sent. */
async function cancelQueuedEmails(tx: Transaction, accessId: string, reason: string) {
  await tx.outboxMessage.updateMany({
    where: { status: "pending", event: { accessId } },
    data: { status: "failed", payload: null, lastError: `cancelled: ${reason}` },
  });
}

/** Why this person cannot be sent a link at their address, if they cannot. */
export function emailProblem(person: Person): AccessFailure | null {
  const status = emailStatus(person.email);
  if (status === "missing") return "missing_email";
  if (status === "invalid") return "invalid_email";
  return null;
}

/** Whether another person's enabled access already signs in with this address. */
async function addressTakenByAnother(email: string | null, accessId: string | null): Promise<boolean> {
  const key = emailKey(email);
  if (!key) return false;
  const holder = await getDb().portalAccess.findUnique({ where: { signInEmail: key }, select: { id: true } });
  return !!holder && holder.id !== accessId;
}

/**
 * Makes the person's address the one this access signs in with. The unique column settles races:
 * of two staff members enabling two people with one address at the same moment, one is refused.
 */
async function claimSignInEmail(tx: Transaction, accessId: string, email: string | null) {
  try {
    await tx.portalAccess.update({ where: { id: accessId }, data: { signInEmail: emailKey(email) } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("email_in_use");
    throw error;
  }
}

async function currentState(accessId: string): Promise<AccessState> {
  const access = await getDb().portalAccess.findUniqueOrThrow({ where: { id: accessId } });
  return accessState(access);
}

/**
 * The person's access row, created the first time something happens to it. Outside any transaction:
 * two first actions racing both end up with the one row (the loser of the insert reads it).
 */
async function accessRowOf(person: Person): Promise<string> {
  if (person.accessId) return person.accessId;
  const key = person.kind === "student" ? { studentId: person.id } : { guardianId: person.id };
  try {
    return (await getDb().portalAccess.create({ data: personAccessKey(person), select: { id: true } })).id;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await getDb().portalAccess.findUniqueOrThrow({ where: key, select: { id: true } })).id;
  }
}

export type LinkRevocation = "newer_link" | "deactivated" | "email_changed" | "password_set";

export async function revokeLinks(tx: Transaction, accessId: string, reason: LinkRevocation, now: Date) {
  await tx.activationLink.updateMany({
    where: { accessId, usedAt: null, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
}

/**
 * A new activation link for the person (earlier ones stop working) and its email, queued in the
 * outbox with an optional identical copy to the staff member. The token is drawn before the
 * transaction; the link, the event and the emails are written together or not at all.
 */
async function issueLink(
  tx: Transaction,
  /** The staff member who asked, or null when the person asked for a new link themselves. */
  staff: Pick<StaffContext, "id" | "email"> | null,
  person: Person,
  accessId: string,
  options: { copyToStaff: boolean; bulkSendId?: string; now: Date; link: NewLink },
) {
  const { now, link } = options;
  // A link sent by staff replaces earlier ones and ends open sessions. One the person asked for
  // (anyone may ask, knowing only the address) does neither: it must not let a stranger cancel an
  // invitation or sign someone out. Choosing a password with any link revokes all the others.
  if (staff) await revokeLinks(tx, accessId, "newer_link", now);
  await tx.activationLink.create({
    data: { accessId, tokenHash: link.tokenHash, sentTo: person.email!, expiresAt: link.expiresAt },
  });
  await tx.portalAccess.update({
    where: { id: accessId },
    data: { linkExpiresAt: link.expiresAt, ...(staff ? { sessionVersion: { increment: 1 } } : {}) },
  });
  const event = await tx.accessEvent.create({
    data: { accessId, type: staff ? "link_sent" : "link_requested", actorId: staff?.id ?? null, email: person.email, copyRequested: options.copyToStaff },
  });
  const copy = staff && options.copyToStaff && link.copy ? [{ ...link.copy, to: staff.email, eventId: event.id }] : [];
  const [messageId] = await queueActivationEmails(tx, [{ ...link.email, to: person.email!, eventId: event.id, bulkSendId: options.bulkSendId }, ...copy]);
  if (options.bulkSendId && person.kind === "student") {
    // Same transaction as the email: after a crash, a student already done in this bulk send makes
    // the retry fail here (unique key) instead of sending a second email.
    await tx.bulkSendItem.create({
      data: { bulkSendId: options.bulkSendId, studentId: person.id, outcome: "queued", outboxMessageId: messageId },
    });
  }
  return { id: messageId };
}

export type NewLink = ReturnType<typeof newLink>;

/**
 * A new link token for the person and what its email (and the staff member's copy) will say; nothing
 * stored yet. The worker renders the email when it sends it (lib/mail/render.ts).
 */
export function newLink(person: Person, copyToStaff: boolean, now: Date) {
  const env = getEnv();
  const { token, tokenHash } = createLinkToken();
  const expiresAt = new Date(now.getTime() + env.ACTIVATION_LINK_TTL_HOURS * 3600_000);
  const email: Omit<ActivationEmail, "to"> = {
    schoolName: person.schoolName,
    recipientName: `${person.firstName} ${person.lastName}`,
    studentNames: person.kind === "guardian" ? person.studentNames : [],
    activationUrl: activationUrl(env.APP_URL, token),
    expiresAt,
  };
  const copy = copyToStaff ? { ...email, copyOf: { name: email.recipientName, email: person.email! } } : null;
  return { tokenHash, expiresAt, email, copy };
}

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
  const link = needsLink ? newLink(person, false, now) : null;
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
  const link = newLink(person, options.copyToStaff, now);
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

/** Corrects a student's or guardian's email; links sent to the old address stop working. */
export async function changeEmail(staff: StaffContext, ref: PersonRef, email: string, now = new Date()): Promise<AccessOutcome> {
  const person = await findPerson(staff, ref);
  if (!person) return refuse("not_found");
  if (person.email === email) return refuse("same_email");
  const access = person.accessId ? await getDb().portalAccess.findUnique({ where: { id: person.accessId }, select: { enabled: true } }) : null;
  // An enabled access signs in with the new address at once: it must not be another account's.
  if (access?.enabled && (await addressTakenByAnother(email, person.accessId))) return refuse("email_in_use");
  const done = await refusedAs(() =>
    getDb().$transaction(async (tx) => {
      if (person.kind === "student") {
        const student = await tx.student.findUniqueOrThrow({ where: { id: person.id } });
        await tx.student.update({
          where: { id: person.id },
          data: { email, ...deriveStudentColumns({ ...student, email }) },
        });
      } else {
        const guardian = await tx.guardian.findUniqueOrThrow({ where: { id: person.id }, include: { students: { select: { studentId: true } } } });
        await tx.guardian.update({
          where: { id: person.id },
          data: { email, ...deriveGuardianColumns({ ...guardian, email }) },
        });
        // Their children are found by the new address, no longer by the old one.
        await refreshGuardianSearchTexts(tx, guardian.students.map((link) => link.studentId));
      }
      if (person.accessId) {
        const current = await tx.portalAccess.findUniqueOrThrow({ where: { id: person.accessId }, select: { enabled: true } });
        if (current.enabled) await claimSignInEmail(tx, person.accessId, email);
        await revokeLinks(tx, person.accessId, "email_changed", now);
        await cancelQueuedEmails(tx, person.accessId, "email changed");
        await tx.portalAccess.update({ where: { id: person.accessId }, data: { linkExpiresAt: null } });
        await tx.accessEvent.create({ data: { accessId: person.accessId, type: "email_changed", actorId: staff.id, email } });
      }
      return true as const;
    }),
  );
  if (done !== true) return done;
  return { ok: true, state: person.accessId ? await currentState(person.accessId) : "none", emailQueued: false };
}

/**
 * "Recevoir un nouveau lien" / "Mot de passe oublié ?": a fresh link for the enabled access that signs
 * in with this email. Disabled or never-enabled accesses get nothing. Returns how many links were
 * sent (0 or 1), for tests; the page answers the same whatever the number.
 */
export async function sendLinksToAddress(email: string, now = new Date()): Promise<number> {
  const key = emailKey(email);
  if (!key) return 0;
  const accesses = await getDb().portalAccess.findMany({
    where: { enabled: true, signInEmail: key },
    include: {
      student: { include: { school: { select: { name: true } } } },
      guardian: { include: { students: { include: { student: { include: { school: { select: { name: true } } } } } } } },
    },
    take: 10,
  });
  let sent = 0;
  for (const access of accesses) {
    const person: Person = access.student
      ? {
          kind: "student",
          id: access.student.id,
          firstName: access.student.firstName,
          lastName: access.student.lastName,
          email: access.student.email,
          schoolName: access.student.school.name,
          studentNames: [],
          accessId: access.id,
        }
      : {
          kind: "guardian",
          id: access.guardian!.id,
          firstName: access.guardian!.firstName,
          lastName: access.guardian!.lastName,
          email: access.guardian!.email,
          schoolName: access.guardian!.students[0]?.student.school.name ?? "",
          studentNames: access.guardian!.students.map(({ student }) => `${student.firstName} ${student.lastName}`),
          accessId: access.id,
        };
    if (emailProblem(person)) continue;
    const link = newLink(person, false, now);
    const done = await refusedAs(() =>
      getDb().$transaction(async (tx) => {
        const current = await lockAndRecheck(tx, person, access.id);
        if (!current.enabled) throw new AppError("not_enabled");
        await issueLink(tx, null, person, access.id, { copyToStaff: false, now, link });
        return true;
      }),
    );
    if (done === true) sent += 1;
  }
  return sent;
}
