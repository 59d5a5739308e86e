// The database a benchmark runs on: a temporary SQLite file, deleted when the process exits; or with
// --postgres a PostgreSQL database named `name`, kept for the next run (the seed leaves a seeded
// database as it is) unless `throwaway`, then dropped by drop(). DATABASE_URL is used instead only
// when the benchmark asks (`fromEnvironment`): the list benchmark, which only reads a seeded
// database. The others change what they run on (bulk sends, staff accounts), so a DATABASE_URL left
// in the shell must never lead them to a real school.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const POSTGRES_SERVER = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432";

export type BenchDatabase = { url: string; drop(): Promise<void> };

async function admin(sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: `${POSTGRES_SERVER}/postgres` });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

export async function benchDatabase(
  name: string,
  postgres: boolean,
  { throwaway = false, fromEnvironment = false } = {},
): Promise<BenchDatabase> {
  if (fromEnvironment && process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, drop: async () => undefined };
  if (!postgres) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sesame-bench-"));
    const remove = () => rmSync(dir, { recursive: true, force: true });
    // Also on a failed run: a 100,000-student file weighs some 300 MB.
    process.once("exit", remove);
    return { url: `file:${path.join(dir, `${name}.db`)}`, drop: async () => remove() };
  }
  const { rowCount } = await admin("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (!rowCount) await admin(`CREATE DATABASE "${name}"`);
  const drop = throwaway ? async () => void (await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)) : async () => undefined;
  return { url: `${POSTGRES_SERVER}/${name}`, drop };
}
