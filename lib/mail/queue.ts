import "server-only";
import { randomUUID } from "node:crypto";
import type { Transaction } from "@/lib/db/client";
import { insertRows } from "@/lib/db/insert-rows";
import { newRowId } from "@/lib/db/insert-sql";
import { getEnv } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { accessEmailSubject } from "@/emails/_components/access-email-layout";
import { PORTAL_SIGN_IN_PATH } from "@/lib/routes";
import { encryptPayload } from "./payload-crypto";
import { formatExpiry, type ActivationEmailProps } from "./render";

// The one door from the data layer into lib/mail: what an email says goes in, in the caller's
// transaction, and the worker renders and sends it (outbox.ts). Nothing here reads the database.

export type OutboxStatus = "pending" | "sending" | "sent" | "failed";

/**
 * An email with a link to choose a password, to queue: its purpose, language, what it says (the expiry
 * as a date, formatted here in the school's time zone; the portal's sign-in address added here),
 * where replies go, what it belongs to.
 */
export type ActivationEmail = Omit<ActivationEmailProps, "expiresAt" | "signInUrl"> & {
  to: string;
  expiresAt: Date;
  /** The school's time zone (School.timeZone), in which the expiry is written. */
  timeZone: string;
  /** The school's contact address (Reply-To), if it has one. */
  replyTo: string | null;
  eventId?: string;
  bulkSendId?: string;
};

/**
 * The payload, encrypted: what the email says, rendered when it is sent (from its school's template,
 * a few microseconds), which keeps a bulk send's rows small. Rows queued before languages existed
 * have no `locale` (French); before purposes, they hold `activation` (an invitation, without the
 * sign-in address); older ones the rendered email.
 */
export type StoredEmail =
  | { email: Omit<ActivationEmailProps, "locale"> & { locale?: Locale }; replyTo: string | null }
  | { activation: Omit<ActivationEmailProps, "purpose" | "signInUrl" | "locale"> }
  | { html: string; text: string };

/** The portal's sign-in page, which every email gives. */
export function portalSignInUrl(appUrl: string): string {
  return `${appUrl}${PORTAL_SIGN_IN_PATH}`;
}

function messageIdDomain(from: string): string {
  return from.match(/@([^>\s]+)/)?.[1] ?? "sesame.local";
}

function outboxRow(email: ActivationEmail, now: Date) {
  const env = getEnv();
  const { to, eventId, bulkSendId, expiresAt, timeZone, replyTo, ...content } = email;
  const props: ActivationEmailProps = {
    ...content,
    expiresAt: formatExpiry(expiresAt, content.locale, timeZone),
    signInUrl: portalSignInUrl(env.APP_URL),
  };
  return {
    id: newRowId(),
    kind: "activation",
    toAddress: to,
    subject: accessEmailSubject(props.purpose, props),
    payload: encryptPayload(env.AUTH_SECRET, { email: props, replyTo } satisfies StoredEmail),
    messageId: `<${randomUUID()}@${messageIdDomain(env.MAIL_FROM)}>`,
    eventId: eventId ?? null,
    bulkSendId: bulkSendId ?? null,
    isCopy: !!email.copyOf,
    status: "pending",
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Queues activation emails inside the transaction that makes them necessary (written with it or not
 * at all), with multi-row INSERTs for a bulk send's batch; returns their ids, in order.
 */
export async function queueActivationEmails(tx: Transaction, emails: ActivationEmail[]): Promise<string[]> {
  const now = new Date();
  const rows = emails.map((email) => outboxRow(email, now));
  await insertRows(tx, "OutboxMessage", rows);
  return rows.map((row) => row.id);
}
