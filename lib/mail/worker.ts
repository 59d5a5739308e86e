import "server-only";
import { prepareBulkSends } from "@/lib/data/bulk-sends";
import { getEnv } from "@/lib/env";
import { processOutbox } from "./outbox";
import { createSmtpTransport } from "./transport";
import { logError } from "@/lib/log";

const TICK_MS = 1000;
const BULK_STUDENTS_PER_TICK = 100;

/** Runs `work` unless its previous run is still going; logs failures instead of crashing the server. */
function guarded(work: () => Promise<void>) {
  let busy = false;
  return () => {
    if (busy) return;
    busy = true;
    work()
      .catch((error) => logError("mail worker", error))
      .finally(() => {
        busy = false;
      });
  };
}

const holder = globalThis as unknown as { sesameMailWorker?: () => void };

/**
 * The background sender, one per server process (started by instrumentation.ts). Every second it
 * sends as many due emails as the rate allows (MAIL_RATE_PER_MINUTE, as a token bucket) and, apart,
 * prepares any bulk send. Several processes may run it: claims and unique keys keep them apart.
 */
export function startMailWorker(): () => void {
  if (holder.sesameMailWorker) return holder.sesameMailWorker;
  const env = getEnv();
  const transport = createSmtpTransport(env.SMTP_URL);
  const perTick = (env.MAIL_RATE_PER_MINUTE / 60_000) * TICK_MS;
  const capacity = Math.max(1, Math.ceil(perTick));
  let tokens = capacity;

  // Two independent loops, so preparing a large bulk send never holds back the emails already queued.
  const sendTick = guarded(async () => {
    tokens = Math.min(capacity, tokens + perTick);
    const limit = Math.floor(tokens);
    if (limit <= 0) return;
    const result = await processOutbox(transport, { limit });
    tokens -= result.sent + result.retried + result.failed;
  });
  const prepareTick = guarded(async () => {
    while ((await prepareBulkSends({ maxStudents: BULK_STUDENTS_PER_TICK })) > 0 && !stopped);
  });

  let stopped = false;
  const timers = [setInterval(sendTick, TICK_MS), setInterval(prepareTick, TICK_MS)];
  for (const timer of timers) timer.unref?.();
  holder.sesameMailWorker = () => {
    stopped = true;
    timers.forEach(clearInterval);
    transport.close();
    holder.sesameMailWorker = undefined;
  };
  return holder.sesameMailWorker;
}
