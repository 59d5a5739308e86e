import "server-only";
import { activationUrl, createLinkToken } from "@/lib/access/tokens";
import type { Transaction } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { queueActivationEmails, type ActivationEmail } from "@/lib/mail/queue";
import type { EmailPurpose } from "@/emails/_components/access-email-layout";
import type { StaffContext } from "@/lib/rights";
import type { Person } from "../people";

// An access's activation links: drawn, issued with their email, revoked.

export type LinkRevocation = "newer_link" | "deactivated" | "email_changed" | "password_set";

/** Every link of the access still pending stops working, for the reason given. */
export async function revokeLinks(tx: Transaction, accessId: string, reason: LinkRevocation, now: Date) {
  await tx.activationLink.updateMany({
    where: { accessId, usedAt: null, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
}

/**
 * A new activation link for the person (earlier ones stop working) and its email, queued in the
 * outbox with an optional copy to the staff member (in their language). The token is drawn before the
 * transaction; the link, the event and the emails are written together or not at all.
 */
export async function issueLink(
  tx: Transaction,
  /** The staff member who asked, or null when the person asked for a new link themselves. */
  staff: Pick<StaffContext, "id" | "email"> | null,
  person: Person,
  accessId: string,
  options: {
    copyToStaff: boolean;
    bulkSendId?: string;
    /** For a bulk item: the student of the selection through whom a parent was reached. */
    bulkStudentId?: string;
    now: Date;
    link: NewLink;
    /** A reminder (« Relancer », by staff or, with staff null, automatic): recorded as such in the history. */
    reminder?: boolean;
  },
) {
  const { now, link } = options;
  // A link sent by staff or by a reminder replaces earlier ones and ends open sessions. One the person
  // asked for (anyone may ask, knowing only the address) does neither: it must not let a stranger
  // cancel an invitation or sign someone out. Choosing a password with any link revokes all the others.
  const replacesEarlier = !!staff || !!options.reminder;
  if (replacesEarlier) await revokeLinks(tx, accessId, "newer_link", now);
  await tx.activationLink.create({
    data: { accessId, tokenHash: link.tokenHash, sentTo: person.email!, expiresAt: link.expiresAt },
  });
  await tx.portalAccess.update({
    where: { id: accessId },
    data: { linkExpiresAt: link.expiresAt, ...(replacesEarlier ? { sessionVersion: { increment: 1 } } : {}) },
  });
  const type = options.reminder ? "reminder_sent" : staff ? "link_sent" : "link_requested";
  const event = await tx.accessEvent.create({
    data: { accessId, type, actorId: staff?.id ?? null, email: person.email, copyRequested: options.copyToStaff },
  });
  const copy = staff && options.copyToStaff && link.copy ? [{ ...link.copy, to: staff.email, eventId: event.id }] : [];
  const [messageId] = await queueActivationEmails(tx, [{ ...link.email, to: person.email!, eventId: event.id, bulkSendId: options.bulkSendId }, ...copy]);
  if (options.bulkSendId) {
    // Same transaction as the email: after a crash, a person already done in this bulk send makes
    // the retry fail here (unique key) instead of sending a second email.
    await tx.bulkSendItem.create({ data: { ...bulkItemKey(person, options.bulkStudentId), bulkSendId: options.bulkSendId, outcome: "queued", outboxMessageId: messageId } });
  }
  return { id: messageId };
}

/**
 * Who a bulk item is for: a student, or a parent reached through one of the selected students.
 * The person key is unique within a send, so a parent of two selected siblings is written to once.
 */
export function bulkItemKey(person: Pick<Person, "kind" | "id">, studentId?: string) {
  if (person.kind === "student") return { studentId: person.id, guardianId: null, personKey: person.id };
  if (!studentId) throw new Error("A parent's bulk item names the student through whom they were reached");
  return { studentId, guardianId: person.id, personKey: `g:${person.id}` };
}

export type NewLink = ReturnType<typeof newLink>;

/**
 * A new link token for the person and what its email will say, in the template of its purpose and the
 * person's language, and, when `copyFor` names the staff member, their copy in their own language;
 * nothing stored yet. The worker renders the email when it sends it (lib/mail/render.ts).
 */
export function newLink(person: Person, copyFor: Pick<StaffContext, "locale"> | null, now: Date, purpose: EmailPurpose) {
  const env = getEnv();
  const { token, tokenHash } = createLinkToken();
  const expiresAt = new Date(now.getTime() + env.ACTIVATION_LINK_TTL_HOURS * 3600_000);
  const email: Omit<ActivationEmail, "to"> = {
    purpose,
    locale: person.locale,
    replyTo: person.schoolContactEmail,
    timeZone: person.schoolTimeZone,
    schoolName: person.schoolName,
    recipientName: `${person.firstName} ${person.lastName}`,
    studentNames: person.kind === "guardian" ? person.studentNames : [],
    activationUrl: activationUrl(env.APP_URL, token),
    expiresAt,
  };
  const copy = copyFor ? { ...email, locale: copyFor.locale, copyOf: { name: email.recipientName, email: person.email! } } : null;
  return { tokenHash, expiresAt, email, copy };
}
