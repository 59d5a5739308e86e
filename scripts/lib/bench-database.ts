// The database a benchmark runs on: a temporary SQLite file, or with --postgres a PostgreSQL database
// named after the benchmark and its size (created when missing, kept for the next run).
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const POSTGRES_SERVER = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432";

export async function benchDatabaseUrl(name: string, postgres: boolean): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (!postgres) return `file:${path.join(mkdtempSync(path.join(os.tmpdir(), "sesame-bench-")), `${name}.db`)}`;
  const admin = new pg.Client({ connectionString: `${POSTGRES_SERVER}/postgres` });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return `${POSTGRES_SERVER}/${name}`;
}
