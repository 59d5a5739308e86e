// Gives each integration test file its own database, cloned from the migrated template.
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { assertLocal, databaseUrl, POSTGRES_ADMIN_URL } from "./postgres-url";
import { disconnectTestDatabase } from "./test-database";

const template = process.env.SESAME_TEST_POSTGRES_TEMPLATE;
if (!template) throw new Error("the PostgreSQL global setup did not run");
assertLocal(POSTGRES_ADMIN_URL);
const name = `${template}_${randomBytes(4).toString("hex")}`;
process.env.DATABASE_URL = databaseUrl(name);

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  // CREATE DATABASE ... TEMPLATE fails while another session uses the template: retry briefly.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
});

afterAll(async () => {
  await disconnectTestDatabase();
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});
