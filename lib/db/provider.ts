// Which database a DATABASE_URL points to. Pure: used by the app, the scripts and the tests.

export type DatabaseProvider = "sqlite" | "postgres";

export const DEFAULT_DATABASE_URL = "file:./data/sesame.db";

export function providerOf(url: string): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgres";
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL), got "${url.split(":")[0]}:..."`,
  );
}

/** Absolute path of the SQLite file of a `file:` URL, relative paths taken from the project root. */
export function sqliteFilePath(url: string, root: string = process.cwd()): string {
  const raw = url.slice("file:".length).split("?")[0];
  if (raw.startsWith("/")) return raw;
  return `${root.replace(/\/$/, "")}/${raw.replace(/^\.\//, "")}`;
}
