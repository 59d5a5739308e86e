// Runs once when a Next.js server process starts: the outbox worker sends queued emails in the
// background (set MAIL_WORKER=false on instances that should only serve pages).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  if (!getEnv().MAIL_WORKER) return;
  const { startMailWorker } = await import("./lib/mail/worker");
  startMailWorker();
}
