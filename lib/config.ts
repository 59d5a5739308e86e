// The configuration schema: every environment variable Sésame reads, with its default and an
// operator-facing message for each bad value. Pure, so the start script validates before building.
import { z } from "zod";
import { DEFAULT_DATABASE_URL, providerOf } from "./db/provider";

const databaseUrl = z
  .string()
  .default(DEFAULT_DATABASE_URL)
  .refine(
    (url) => {
      try {
        providerOf(url);
        return true;
      } catch {
        return false;
      }
    },
    { message: "must start with file: (SQLite) or postgres:// or postgresql:// (PostgreSQL)" },
  );

export const ZConfig = z.object({
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: z
    .string({ message: "is missing: set it, or start with `npm start`, which keeps one in data/auth-secret" })
    .min(32, { message: "must be at least 32 characters (e.g. `openssl rand -base64 32`)" }),
  APP_URL: z
    .url({ protocol: /^https?$/, message: "must be an http:// or https:// URL, e.g. http://localhost:3000" })
    .default("http://localhost:3000")
    .transform((url) => url.replace(/\/$/, "")),
  PORT: z.coerce
    .number({ message: "must be a port number" })
    .int({ message: "must be a port number" })
    .min(1, { message: "must be between 1 and 65535" })
    .max(65535, { message: "must be between 1 and 65535" })
    .default(3000),
  SEED_DEMO: z
    .enum(["true", "false"], { message: "must be true or false" })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true")),
});

export type TConfig = z.infer<typeof ZConfig>;

/** Where `npm start` keeps the secret it generates when AUTH_SECRET is not set (relative to the project). */
export const GENERATED_SECRET_FILE = "data/auth-secret";

/** Parses the environment; throws one error listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): TConfig {
  const withoutEmpty = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const result = ZConfig.safeParse(withoutEmpty);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")} ${issue.message}`);
  throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
}
