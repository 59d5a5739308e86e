// Prisma CLI configuration for the embedded SQLite schema (the default).
// The PostgreSQL schema has its own: prisma/postgres.config.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/sqlite/schema.prisma",
  migrations: { path: "prisma/sqlite/migrations" },
});
