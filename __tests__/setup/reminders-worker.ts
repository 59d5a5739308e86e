// One worker process for the automatic reminders test (__tests__/integration/reminders-automatic.test.ts):
// runs the job once against DATABASE_URL, with its own database connections, at the instant given, and
// prints what it did as its last line (the job logs its own lines before it). Usage: tsx __tests__/setup/reminders-worker.ts <now ISO> <start at, ms since epoch>
import "../../scripts/lib/allow-server-only";
import { getDb } from "@/lib/db";
import { runAutomaticReminders } from "@/lib/jobs/reminders";

async function main() {
  const [now, startAt] = process.argv.slice(2);
  // Connected before the start signal, so both workers reach the database together.
  await getDb().school.count();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
  const result = await runAutomaticReminders({ now: new Date(now) });
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
  await getDb().$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
