import type { ChildProcess } from "node:child_process";
import type { LocalInbox } from "../../scripts/lib/local-inbox";

/** Stops the app started by the global setup (SIGTERM, then SIGKILL after 5 s). */
export default async function teardown() {
  await (globalThis as { e2eInbox?: LocalInbox }).e2eInbox?.close();
  const server = (globalThis as { e2eServer?: ChildProcess }).e2eServer;
  if (!server || server.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => server.kill("SIGKILL"), 5000);
    server.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    server.kill("SIGTERM");
  });
}
