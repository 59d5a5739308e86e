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
 * outbox with an optional identical copy to the staff member. The token is drawn before the
 * transaction; the link, the event and the emails are written together or not at all.
 */
export async function issueLink(
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
 * A new link token for the person and what its email (and the staff member's copy) will say, in the
 * template of its purpose; nothing stored yet. The worker renders the email when it sends it
 * (lib/mail/render.ts).
 */
export function newLink(person: Person, copyToStaff: boolean, now: Date, purpose: EmailPurpose) {
  const env = getEnv();
  const { token, tokenHash } = createLinkToken();
  const expiresAt = new Date(now.getTime() + env.ACTIVATION_LINK_TTL_HOURS * 3600_000);
  const email: Omit<ActivationEmail, "to"> = {
    purpose,
    replyTo: person.schoolContactEmail,
    schoolName: person.schoolName,
    recipientName: `${person.firstName} ${person.lastName}`,
    studentNames: person.kind === "guardian" ? person.studentNames : [],
    activationUrl: activationUrl(env.APP_URL, token),
    expiresAt,
  };
  const copy = copyToStaff ? { ...email, copyOf: { name: email.recipientName, email: person.email! } } : null;
  return { tokenHash, expiresAt, email, copy };
}
