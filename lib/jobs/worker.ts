import "server-only";
import { performance } from "node:perf_hooks";
import { getDbProvider } from "@/lib/db";
import type { DatabaseProvider } from "@/lib/db/provider";
import { getEnv } from "@/lib/env";
import { logError } from "@/lib/log";
import { processOutbox } from "@/lib/mail/outbox";
import { createSmtpTransport } from "@/lib/mail/transport";
import { prepareBulkSends } from "./bulk-sends";
import { runAutomaticReminders } from "./reminders";
import { onWorkerWake } from "./wake";

const TICK_MS = 1000;
/**
 * How a bulk send is prepared on each database. SQLite's driver is synchronous: a batch's transaction
 * runs without letting anything else in (some 15 ms plus 0.4 ms per student), so batches are small,
 * and after each one preparation pauses as long as the event loop was busy during it: pages and the
 * emails being sent keep at least half of the process. On PostgreSQL pages are served while a batch
 * waits for the database between its statements: larger batches spend fewer round trips, no pause.
 */
const BULK_PREPARATION = {
  sqlite: { studentsPerBatch: 50, pausePerBusyMs: 1 },
  postgres: { studentsPerBatch: 200, pausePerBusyMs: 0 },
} as const satisfies Record<DatabaseProvider, unknown>;

/**
 * Runs `work` unless its previous run is still going, in which case it runs once more right after;
 * logs failures instead of crashing the server.
 */
function guarded(work: () => Promise<void>) {
  let busy = false;
  let again = false;
  const run = () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    again = false;
    work()
      .catch((error) => logError("worker", error))
      .finally(() => {
        busy = false;
        if (again) run();
      });
  };
  return run;
}

const holder = globalThis as unknown as { sesameMailWorker?: () => void };

/**
 * The background worker, one per server process (started by instrumentation.ts). It sends due emails
 * as fast as the rate allows (MAIL_RATE_PER_MINUTE, as a token bucket) and, apart, prepares any bulk
 * send, a batch at a time; it looks for work every second and whenever woken. A third loop sends the
 * automatic reminders due, every REMINDERS_INTERVAL_SECONDS. Several processes may run it: claims
 * and unique keys keep them apart.
 */
export function startWorker(): () => void {
  if (holder.sesameMailWorker) return holder.sesameMailWorker;
  const env = getEnv();
  const transport = createSmtpTransport(env.SMTP_URL);
  const perMs = env.MAIL_RATE_PER_MINUTE / 60_000;
  const capacity = Math.max(1, Math.ceil(perMs * TICK_MS));
  let tokens = capacity;
  let refilledAt = Date.now();
  let stopped = false;

  // Two independent loops, so preparing a large bulk send never holds back the emails already queued.
  const send = guarded(async () => {
    while (!stopped) {
      const now = Date.now();
      tokens = Math.min(capacity, tokens + (now - refilledAt) * perMs);
      refilledAt = now;
      const limit = Math.floor(tokens);
      if (limit <= 0) return;
      const result = await processOutbox(transport, { limit });
      const spent = result.sent + result.retried + result.failed;
      tokens -= spent;
      if (spent === 0) return;
    }
  });
  const preparation = BULK_PREPARATION[getDbProvider()];
  const prepare = guarded(async () => {
    while (!stopped) {
      const before = performance.eventLoopUtilization();
      if ((await prepareBulkSends({ maxStudents: preparation.studentsPerBatch })) === 0) return;
      // The batch's emails leave now, not at the next tick.
      send();
      const busyMs = performance.eventLoopUtilization(before).active;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, busyMs * preparation.pausePerBusyMs)));
    }
  });

  // Reminders are due by the day: once a minute is soon enough, and a tick's work is bounded.
  const remind = guarded(async () => {
    if (stopped) return;
    if ((await runAutomaticReminders()).queued > 0) send();
  });

  const timers = [setInterval(send, TICK_MS), setInterval(prepare, TICK_MS), setInterval(remind, env.REMINDERS_INTERVAL_SECONDS * 1000)];
  for (const timer of timers) timer.unref?.();
  onWorkerWake(() => {
    prepare();
    send();
  });
  holder.sesameMailWorker = () => {
    stopped = true;
    timers.forEach(clearInterval);
    transport.close();
    holder.sesameMailWorker = undefined;
    onWorkerWake(undefined);
  };
  return holder.sesameMailWorker;
}
