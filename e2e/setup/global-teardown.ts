import type { RunningApp } from "../../scripts/lib/built-app";
import type { LocalInbox } from "../../scripts/lib/local-inbox";

/** Stops the app started by the global setup (SIGTERM, then SIGKILL after 5 s) and its inbox. */
export default async function teardown() {
  await (globalThis as { e2eInbox?: LocalInbox }).e2eInbox?.close();
  await (globalThis as { e2eApp?: RunningApp }).e2eApp?.stop();
}
