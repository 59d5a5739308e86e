import "server-only";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { getDb } from "@/lib/db";

/** What the worker may still write about a message it claimed: only while its lease is this one. */
type Fence = { id: string; status: "sending"; lockedUntil: Date };

/**
 * The messages one worker run has claimed and not yet settled, with the lease each holds. Every write
 * about them is fenced by that lease — a worker overtaken by another (its lease ended) writes nothing —
 * and goes through one queue, so a settlement never races the renewal of its own lease.
 *
 * - The leases are renewed together every third of their length, however long the exchanges run.
 * - "Sent" marks are written together: each one waits for the write in progress, then all that
 *   arrived meanwhile go in one statement (a few milliseconds after the SMTP server accepted them).
 */
export function claimBook(leaseMs: number) {
  const leases = new Map<string, Date>();
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(write: () => Promise<T>): Promise<T> => {
    const done = queue.then(write);
    queue = done.catch(() => undefined);
    return done;
  };

  /** The messages holding each lease (claimed together, renewed together: usually one group). */
  const byLease = (ids: Iterable<string>) => {
    const groups = new Map<number, string[]>();
    for (const id of ids) {
      const lease = leases.get(id);
      if (lease) groups.set(lease.getTime(), [...(groups.get(lease.getTime()) ?? []), id]);
    }
    return [...groups].map(([lease, group]) => ({ where: { id: { in: group }, status: "sending", lockedUntil: new Date(lease) } }));
  };

  const renewal = setInterval(
    () => {
      if (!leases.size) return;
      void serially(async () => {
        const next = new Date(Date.now() + leaseMs);
        for (const { where } of byLease(leases.keys())) {
          try {
            const renewed = await getDb().outboxMessage.updateManyAndReturn({ where, data: { lockedUntil: next }, select: { id: true } });
            for (const { id } of renewed) if (leases.has(id)) leases.set(id, next);
          } catch {
            // The next renewal tries again; the lease still has two thirds of its length to run.
          }
        }
      });
    },
    Math.max(10, Math.floor(leaseMs / 3)),
  );
  renewal.unref?.();

  let waitingSent: { id: string; written: { resolve(): void; reject(error: unknown): void } }[] = [];
  const writeSent = async () => {
    const batch = waitingSent;
    waitingSent = [];
    try {
      const sentAt = new Date();
      // Delivered: a database hiccup now must not turn into a "failed" or a resend, so insist a little.
      for (const { where } of byLease(batch.map(({ id }) => id))) {
        await withRetries(() =>
          getDb().outboxMessage.updateMany({ where, data: { status: "sent", sentAt, payload: null, lockedUntil: null, lastError: null } }),
        );
      }
      for (const { id, written } of batch) {
        leases.delete(id);
        written.resolve();
      }
    } catch (error) {
      for (const { written } of batch) written.reject(error);
    }
  };

  return {
    hold(id: string, lease: Date) {
      leases.set(id, lease);
    },
    /** Marks a delivered message sent (its body erased); resolves once written. */
    sent(id: string): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        if (!waitingSent.length) void serially(writeSent);
        waitingSent.push({ id, written: { resolve, reject } });
      });
    },
    /** Any other outcome of an attempt (failed, rescheduled), written under the message's lease. */
    settle(id: string, data: Prisma.OutboxMessageUpdateManyMutationInput): Promise<unknown> {
      return serially(async () => {
        const lease = leases.get(id);
        leases.delete(id);
        if (lease) await getDb().outboxMessage.updateMany({ where: { id, status: "sending", lockedUntil: lease } satisfies Fence, data });
      });
    },
    /** Stops renewing; waits for the writes in progress. */
    async close() {
      clearInterval(renewal);
      await serially(async () => undefined);
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
