import "server-only";

// instrumentation.ts (which runs the worker) and the app's routes are bundled apart, each with its own
// copy of this module: the one thing they share is the process's globalThis.
const holder = globalThis as unknown as { sesameMailWorkerWake?: () => void };

/** Tells this process's worker there is work now (a bulk send was started), rather than at its next tick. */
export function wakeWorker(): void {
  // After the current request's work, so that its answer does not wait for a first batch.
  setImmediate(() => holder.sesameMailWorkerWake?.());
}

/** Set by the worker while it runs. */
export function onWorkerWake(wake: (() => void) | undefined): void {
  holder.sesameMailWorkerWake = wake;
}
