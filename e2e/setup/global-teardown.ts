import { rmSync } from "node:fs";
import type { RunningApp } from "../../scripts/lib/built-app";
import type { LocalInbox } from "../../scripts/lib/local-inbox";

/** Stops the app started by the global setup (SIGTERM, then SIGKILL after 5 s) and its inbox, and deletes their folder. */
export default async function teardown() {
  const run = globalThis as { e2eApp?: RunningApp; e2eInbox?: LocalInbox; e2eDir?: string };
  await run.e2eInbox?.close();
  await run.e2eApp?.stop();
  if (run.e2eDir) rmSync(run.e2eDir, { recursive: true, force: true });
}
