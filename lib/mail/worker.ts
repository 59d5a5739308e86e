import "server-only";
import { prepareBulkSends } from "@/lib/data/bulk-sends";
import { getEnv } from "@/lib/env";
import { processOutbox } from "./outbox";
import { createSmtpTransport } from "./transport";

const TICK_MS = 1000;
const BULK_STUDENTS_PER_TICK = 100;

const holder = globalThis as unknown as { sesameMailWorker?: () => void };

/**
 * The background sender, one per server process (started by instrumentation.ts). Every second it
 * prepares a slice of any bulk send, then sends as many due emails as the rate allows
 * (MAIL_RATE_PER_MINUTE, as a token bucket). Several processes may run it: claims keep them apart.
 */
export function startMailWorker(): () => void {
  if (holder.sesameMailWorker) return holder.sesameMailWorker;
  const env = getEnv();
  const transport = createSmtpTransport(env.SMTP_URL);
  const perTick = (env.MAIL_RATE_PER_MINUTE / 60_000) * TICK_MS;
  const capacity = Math.max(1, Math.ceil(perTick));
  let tokens = capacity;
  let busy = false;

  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      tokens = Math.min(capacity, tokens + perTick);
      await prepareBulkSends({ maxStudents: BULK_STUDENTS_PER_TICK });
      const limit = Math.floor(tokens);
      if (limit > 0) {
        const result = await processOutbox(transport, { limit });
        tokens -= result.sent + result.retried + result.failed;
      }
    } catch (error) {
      console.error("[mail worker]", error instanceof Error ? error.message : error);
    } finally {
      busy = false;
    }
  };

  const timer = setInterval(() => void tick(), TICK_MS);
  timer.unref?.();
  holder.sesameMailWorker = () => {
    clearInterval(timer);
    transport.close();
    holder.sesameMailWorker = undefined;
  };
  return holder.sesameMailWorker;
}
