// Builds one migrated SQLite file per run; each test file then works on its own copy.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "./migrate";

export default function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sesame-test-"));
  const template = path.join(dir, "template.db");
  migrate(`file:${template}`);
  process.env.SESAME_TEST_SQLITE_DIR = dir;
  process.env.SESAME_TEST_SQLITE_TEMPLATE = template;
}
