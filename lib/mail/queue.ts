import "server-only";
import { randomUUID } from "node:crypto";
import type { Transaction } from "@/lib/db/client";
import { insertRows } from "@/lib/db/insert-rows";
import { newRowId } from "@/lib/db/insert-sql";
import { getEnv } from "@/lib/env";
import { activationSubject, type ActivationEmailProps } from "@/emails/activation-email";
import { encryptPayload } from "./payload-crypto";
import { formatExpiry } from "./render";

// The one door from the data layer into lib/mail: what an email says goes in, in the caller's
// transaction, and the worker renders and sends it (outbox.ts). Nothing here reads the database.

export type OutboxStatus = "pending" | "sending" | "sent" | "failed";

/** An activation email to queue: what it says (the expiry as a date, formatted here) and what it belongs to. */
export type ActivationEmail = Omit<ActivationEmailProps, "expiresAt"> & {
  to: string;
  expiresAt: Date;
  eventId?: string;
  bulkSendId?: string;
};

/**
 * The payload, encrypted: what the email says, rendered when it is sent (from its school's template,
 * a few microseconds), which keeps a bulk send's rows small. Rows queued before held the rendered email.
 */
export type StoredEmail = { activation: ActivationEmailProps } | { html: string; text: string };

function messageIdDomain(from: string): string {
  return from.match(/@([^>\s]+)/)?.[1] ?? "sesame.local";
}

function outboxRow(email: ActivationEmail, now: Date) {
  const env = getEnv();
  const { to, eventId, bulkSendId, expiresAt, ...content } = email;
  const props: ActivationEmailProps = { ...content, expiresAt: formatExpiry(expiresAt) };
  return {
    id: newRowId(),
    kind: "activation",
    toAddress: to,
    subject: activationSubject(props),
    payload: encryptPayload(env.AUTH_SECRET, { activation: props } satisfies StoredEmail),
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
