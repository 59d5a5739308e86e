// The part of a Prisma schema after its generator and datasource blocks: the models, which must be
// identical for SQLite and PostgreSQL.
export function modelsOf(schemaText: string): string {
  const datasourceStart = schemaText.indexOf("datasource db {");
  if (datasourceStart < 0) throw new Error("schema has no `datasource db` block");
  const datasourceEnd = schemaText.indexOf("}", datasourceStart);
  return schemaText.slice(datasourceEnd + 1);
}
