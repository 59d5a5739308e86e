import { Client } from "pg";
import { POSTGRES_ADMIN_URL } from "./postgres-url";

export default async function teardown() {
  const template = process.env.SESAME_TEST_POSTGRES_TEMPLATE;
  if (!template) return;
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    // Every database of this run was created from the template under its name as prefix.
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${template}%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
