// Prisma CLI configuration for the PostgreSQL schema.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "postgres/schema.prisma",
  migrations: { path: "postgres/migrations" },
});
