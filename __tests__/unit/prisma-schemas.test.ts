import { readFileSync } from "node:fs";
import path from "node:path";
import { modelsOf } from "@/lib/db/schema-text";

const read = (...parts: string[]) => readFileSync(path.join(__dirname, "..", "..", "prisma", ...parts), "utf8");

describe("Prisma schemas", () => {
  it("declare the same models for SQLite and PostgreSQL", () => {
    expect(modelsOf(read("postgres", "schema.prisma"))).toBe(modelsOf(read("sqlite", "schema.prisma")));
  });

  it.each(["sqlite", "postgres"])("%s: every schema change has a migration (schema matches the last migrated one)", (provider) => {
    expect(read(provider, "migrations", "schema.snapshot")).toBe(read(provider, "schema.prisma"));
  });
});
