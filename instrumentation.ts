// Runs once when a Next.js server process starts: every error and warning the process writes becomes
// one redacted line (lib/log.ts), and the outbox worker sends queued emails in the background (set
// MAIL_WORKER=false on instances that should only serve pages).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { routeConsoleThroughLog } = await import("./lib/log");
  routeConsoleThroughLog();
  const { getEnv } = await import("./lib/env");
  if (!getEnv().MAIL_WORKER) return;
  const { startWorker } = await import("./lib/jobs/worker");
  startWorker();
}
