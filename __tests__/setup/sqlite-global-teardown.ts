import { rmSync } from "node:fs";

export default function teardown() {
  if (process.env.SESAME_TEST_SQLITE_DIR) rmSync(process.env.SESAME_TEST_SQLITE_DIR, { recursive: true, force: true });
}
