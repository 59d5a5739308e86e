import "server-only";
import { randomUUID } from "node:crypto";
import type { Database } from "@/lib/db/client";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { decryptPayload, encryptPayload } from "./payload-crypto";
import type { RenderedEmail } from "./render";
import { isPermanentFailure, SMTP_MAX_CONNECTIONS, type MailTransport } from "./transport";

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * How long a claim on a message lasts unless renewed. The sender renews it every third of that while
 * the SMTP exchange runs, however long the exchange takes; if the process dies, the message is free
 * again within this delay and the next tick (1 s) sends it, with the same Message-ID.
 */
export const OUTBOX_LEASE_MS = 45_000;
/** Messages in flight at once: as many as the SMTP transport's pool keeps connections. */
export const SEND_CONCURRENCY = SMTP_MAX_CONNECTIONS;
const MAX_BACKOFF_MS = 60 * 60_000;

function messageIdDomain(from: string): string {
  return from.match(/@([^>\s]+)/)?.[1] ?? "sesame.local";
}

/** Records an email to send; called inside the transaction that makes it necessary. */
export async function enqueueEmail(
  tx: Transaction,
  email: { kind: string; to: string; rendered: RenderedEmail; eventId?: string; bulkSendId?: string; isCopy?: boolean },
): Promise<{ id: string }> {
  const env = getEnv();
  return tx.outboxMessage.create({
    data: {
      kind: email.kind,
      toAddress: email.to,
      subject: email.rendered.subject,
      payload: encryptPayload(env.AUTH_SECRET, { html: email.rendered.html, text: email.rendered.text }),
      messageId: `<${randomUUID()}@${messageIdDomain(env.MAIL_FROM)}>`,
      eventId: email.eventId,
      bulkSendId: email.bulkSendId,
      isCopy: email.isCopy ?? false,
    },
    select: { id: true },
  });
}

export type OutboxRunResult = { sent: number; retried: number; failed: number };

/**
 * Sends up to `limit` due emails. Each one is claimed first (a lease, so two workers never send the
 * same message and one that crashed mid-send is picked up again when its lease ends), then marked
 * sent (payload erased), rescheduled with exponential backoff, or failed after the last attempt.
 */
export async function processOutbox(
  transport: MailTransport,
  options: { limit: number; now?: Date; leaseMs?: number },
): Promise<OutboxRunResult> {
  const leaseMs = options.leaseMs ?? OUTBOX_LEASE_MS;
  const db = getDb();
  const env = getEnv();
  const now = options.now ?? new Date();
  const result: OutboxRunResult = { sent: 0, retried: 0, failed: 0 };
  if (options.limit <= 0) return result;
  const due = await db.outboxMessage.findMany({
    where: {
      OR: [
        { status: "pending", nextAttemptAt: { lte: now } },
        { status: "sending", lockedUntil: { lt: now } },
      ],
    },
    orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
    take: options.limit,
    select: { id: true },
  });
  const sendOne = async (id: string) => {
    const lease = new Date(Date.now() + leaseMs);
    const claimed = await db.outboxMessage.updateMany({
      where: {
        id,
        OR: [
          { status: "pending", nextAttemptAt: { lte: now } },
          { status: "sending", lockedUntil: { lt: now } },
        ],
      },
      data: { status: "sending", lockedUntil: lease, attempts: { increment: 1 } },
    });
    if (claimed.count !== 1) return;
    // Every later write is fenced by the current lease: a worker whose lease was taken over writes nothing.
    const mine = { id, status: "sending", lockedUntil: lease };
    const message = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    const renewal = renewWhileSending(mine, leaseMs);
    try {
      if (!message.payload) throw Object.assign(new Error("payload missing"), { permanent: true });
      const body = decryptPayload<{ html: string; text: string }>(env.AUTH_SECRET, message.payload);
      await transport.send({
        from: env.MAIL_FROM,
        to: message.toAddress,
        subject: message.subject,
        html: body.html,
        text: body.text,
        messageId: message.messageId,
      });
    } catch (error) {
      await renewal.stop();
      const lastError = describeError(error);
      if (isPermanentFailure(error) || message.attempts >= env.MAIL_MAX_ATTEMPTS) {
        // The link inside is of no use to anyone now: erase it with the payload.
        await db.outboxMessage.updateMany({ where: mine, data: { status: "failed", payload: null, lockedUntil: null, lastError } });
        result.failed += 1;
      } else {
        const delay = Math.min(MAX_BACKOFF_MS, env.MAIL_RETRY_BASE_SECONDS * 1000 * 2 ** (message.attempts - 1));
        await db.outboxMessage.updateMany({
          where: mine,
          data: { status: "pending", nextAttemptAt: new Date(Date.now() + delay), lockedUntil: null, lastError },
        });
        result.retried += 1;
      }
      return;
    }
    await renewal.stop();
    // Delivered: a database hiccup now must not turn into a "failed" or a resend, so insist a little.
    await withRetries(() =>
      db.outboxMessage.updateMany({ where: mine, data: { status: "sent", sentAt: new Date(), payload: null, lockedUntil: null, lastError: null } }),
    );
    result.sent += 1;
  };

  // A few messages at a time: one SMTP round trip per message would otherwise cap the rate.
  let next = 0;
  const lanes = Array.from({ length: Math.min(SEND_CONCURRENCY, due.length) }, async () => {
    while (next < due.length) await sendOne(due[next++].id);
  });
  await Promise.all(lanes);
  return result;
}

/**
 * Pushes the lease of a message being sent forward every third of its length, updating `fence` so
 * that the final write matches the latest lease. `stop()` waits for a renewal in flight, so that
 * write never races one.
 */
function renewWhileSending(fence: { id: string; status: string; lockedUntil: Date }, leaseMs: number) {
  let inFlight: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    inFlight = inFlight.then(async () => {
      const next = new Date(Date.now() + leaseMs);
      try {
        const renewed = await getDb().outboxMessage.updateMany({ where: { ...fence }, data: { lockedUntil: next } });
        if (renewed.count === 1) fence.lockedUntil = next;
      } catch {
        // The next renewal tries again; the lease still has two thirds of its length to run.
      }
    });
  }, Math.max(10, Math.floor(leaseMs / 3)));
  timer.unref?.();
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}

async function withRetries<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

function describeError(error: unknown): string {
  const smtp = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const text = smtp.response ?? smtp.message ?? String(error);
  return `${smtp.responseCode ?? smtp.code ?? "error"}: ${text}`.slice(0, 500);
}
