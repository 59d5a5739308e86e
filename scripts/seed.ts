// Usage: npm run db:seed [-- --students 100000] [-- --reset]
// Seeds the demo school into DATABASE_URL when it has none (idempotent). --reset empties the database first.
import { parseArgs } from "node:util";
import { createDatabaseClient } from "../lib/db/client";
import { DEFAULT_DATABASE_URL } from "../lib/db/provider";
import { seedDemoSchool } from "../prisma/seed/demo-school";
import { resetDatabase } from "../prisma/seed/reset";
import { redactUrl } from "./lib/redact-url";

async function main() {
  const { values } = parseArgs({
    options: { students: { type: "string", default: "60" }, reset: { type: "boolean", default: false } },
  });
  const students = Number(values.students);
  if (!Number.isInteger(students) || students < 0 || students > 1_000_000) {
    throw new Error("--students must be a whole number between 0 and 1000000");
  }
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const db = createDatabaseClient(url);
  try {
    if (values.reset) {
      await resetDatabase(db);
      console.log(`Emptied ${redactUrl(url)}`);
    }
    const started = performance.now();
    const summary = await seedDemoSchool(db, { students, log: (line) => console.log(line) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      summary.seeded
        ? `Seeded ${summary.students} students, ${summary.guardians} parents, ${summary.staff} staff accounts in ${seconds} s`
        : `Already seeded (${summary.students} students, ${summary.guardians} parents): nothing to do. Use --reset to start over.`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(`Seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
