// Gives each integration test file a fresh copy of the migrated SQLite template.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { disconnectTestDatabase } from "./test-database";

const template = process.env.SESAME_TEST_SQLITE_TEMPLATE;
if (!template) throw new Error("the SQLite global setup did not run");
const file = path.join(path.dirname(template), `${randomUUID()}.db`);
copyFileSync(template, file);
process.env.DATABASE_URL = `file:${file}`;

afterAll(disconnectTestDatabase);
