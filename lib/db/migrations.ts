// Creates and applies migrations with the WebAssembly build of Prisma's schema engine, which runs
// over a driver adapter and needs no downloaded binary. It writes the standard `_prisma_migrations`
// table, so `prisma migrate deploy` stays usable where the native engine exists.
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createAdapterFactory } from "./adapters";
import { providerOf, type DatabaseProvider } from "./provider";

type WasmSchemaEngine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout?: string | null }>;
  applyMigrations(params: unknown): Promise<{ appliedMigrationNames: string[] }>;
  free(): void;
};

const NO_FILTERS = { externalTables: [], externalEnums: [] };

export function prismaDir(provider: DatabaseProvider, root = process.cwd()): string {
  return path.join(root, "prisma", provider);
}

async function loadWasmModule() {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  // The package is ESM-only: load it with import(), then instantiate the wasm it wraps.
  const bg = await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href);
  const bytes = readFileSync(path.join(dir, "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    "./schema_engine_bg.js": bg,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg as { SchemaEngine: { new: (...args: unknown[]) => Promise<WasmSchemaEngine> } };
}

let wasmModule: Awaited<ReturnType<typeof loadWasmModule>> | undefined;

type SqlAdapter = { dispose(): Promise<void>; executeScript?(script: string): Promise<void> };
type AdapterFactory = {
  provider: string;
  adapterName: string;
  connect(): Promise<SqlAdapter>;
  connectToShadowDb(): Promise<SqlAdapter>;
};

type PgScriptRunner = SqlAdapter & { client: { query(sql: string): Promise<unknown> }; onError(error: unknown): never };

/**
 * The pg adapter cuts a migration at every ";", which breaks a function body written in PL/pgSQL
 * (prisma/postgres/migrations/*_list_search_and_access_phase). The native schema engine sends the
 * script whole, as one simple query, and so does this; the SQLite adapter already does.
 */
function sendScriptsWhole(adapter: SqlAdapter): SqlAdapter {
  const pg = adapter as PgScriptRunner;
  if (typeof pg.client?.query !== "function" || typeof pg.onError !== "function" || !pg.executeScript) return adapter;
  pg.executeScript = async (script: string) => {
    try {
      await pg.client.query(script);
    } catch (error) {
      pg.onError(error);
    }
  };
  return adapter;
}

/**
 * The engine does not close the connections it opens; closing them ourselves matters for SQLite,
 * whose file stays locked by an open connection (the seed that follows would time out).
 */
function trackConnections(factory: AdapterFactory) {
  const opened: SqlAdapter[] = [];
  const track = async (connection: Promise<SqlAdapter>) => {
    const adapter = sendScriptsWhole(await connection);
    opened.push(adapter);
    return adapter;
  };
  return {
    factory: {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: () => track(factory.connect()),
      connectToShadowDb: () => track(factory.connectToShadowDb()),
    },
    closeAll: () => Promise.allSettled(opened.map((adapter) => adapter.dispose())),
  };
}

async function withEngine<T>(url: string, work: (engine: WasmSchemaEngine) => Promise<T>): Promise<T> {
  wasmModule ??= await loadWasmModule();
  const schemaPath = path.join(prismaDir(providerOf(url)), "schema.prisma");
  const connections = trackConnections(createAdapterFactory(url) as unknown as AdapterFactory);
  const engine = await wasmModule.SchemaEngine.new(
    { datamodels: [[schemaPath, readFileSync(schemaPath, "utf8")]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(connections.factory as never),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await connections.closeAll();
  }
}

type MigrationDir = { name: string; sql: string };

function readMigrations(provider: DatabaseProvider, root = process.cwd()): MigrationDir[] {
  const base = path.join(prismaDir(provider, root), "migrations");
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(base, name, "migration.sql"), "utf8") }));
}

/** Applies every pending migration of the provider that `url` points to; returns their names. */
export async function applyMigrations(url: string): Promise<string[]> {
  const provider = providerOf(url);
  const baseDir = path.join(prismaDir(provider), "migrations");
  const lockfilePath = path.join(baseDir, "migration_lock.toml");
  const migrations = readMigrations(provider);
  return withEngine(url, async (engine) => {
    const output = await engine.applyMigrations({
      migrationsList: {
        baseDir,
        lockfile: {
          path: "migration_lock.toml",
          content: existsSync(lockfilePath) ? readFileSync(lockfilePath, "utf8") : null,
        },
        shadowDbInitScript: "",
        migrationDirectories: migrations.map((migration) => ({
          path: migration.name,
          migrationFile: {
            path: "migration.sql",
            content: { tag: "ok", value: migration.sql },
          },
        })),
      },
      filters: NO_FILTERS,
    });
    return output.appliedMigrationNames;
  });
}

/** SQL that takes a database from the `from` schema (null: empty) to the `to` schema. */
export async function diffSchemas(url: string, from: string | null, to: string): Promise<string> {
  const file = (content: string) => ({ tag: "schemaDatamodel", files: [{ path: "schema.prisma", content }] });
  return withEngine(url, async (engine) => {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : file(from),
      to: file(to),
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return result.stdout ?? "";
  });
}
