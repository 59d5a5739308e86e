// Applies the project's migrations to a database by running the real `npm run db:migrate` script.
import { execFileSync } from "node:child_process";
import path from "node:path";

export function migrate(databaseUrl: string): void {
  const root = path.resolve(__dirname, "..", "..");
  execFileSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/migrate.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "pipe",
  });
}
