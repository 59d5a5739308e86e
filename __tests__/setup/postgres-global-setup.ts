// Creates a throwaway, migrated PostgreSQL database used as the template of each test file's database.
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { migrate } from "./migrate";
import { assertLocal, databaseUrl, POSTGRES_ADMIN_URL } from "./postgres-url";

export default async function setup() {
  assertLocal(POSTGRES_ADMIN_URL);
  const name = `sesame_test_${randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  migrate(databaseUrl(name));
  process.env.SESAME_TEST_POSTGRES_TEMPLATE = name;
}
