// The configuration schema: every environment variable Sésame reads, with its default and an
// operator-facing message for each bad value. Pure, so the start script validates before building.
import { z } from "zod";
import { isValidEmail } from "@/lib/access/email-address";
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

function positiveInt(fallback: number) {
  return z.coerce
    .number({ message: "must be a whole number" })
    .int({ message: "must be a whole number" })
    .min(1, { message: "must be at least 1" })
    .max(1_000_000, { message: "must be at most 1000000" })
    .default(fallback);
}

function booleanFlag() {
  return z
    .enum(["true", "false"], { message: "must be true or false" })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true"));
}

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
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587" })
    .default("smtp://127.0.0.1:1025"),
  MAIL_FROM: z
    .string()
    .refine((value) => isValidEmail(value.match(/^[^<>]+<([^<>\s]+)>$/)?.[1] ?? value), {
      message: 'must be an address, e.g. "Sésame <no-reply@ecole.fr>"',
    })
    .default("Sésame <no-reply@sesame.test>"),
  MAIL_RATE_PER_MINUTE: positiveInt(600),
  MAIL_MAX_ATTEMPTS: positiveInt(8),
  MAIL_RETRY_BASE_SECONDS: positiveInt(30),
  MAIL_WORKER: booleanFlag().transform((value) => value ?? true),
  ACTIVATION_LINK_TTL_HOURS: positiveInt(168),
  /** How often the worker looks for due automatic reminders (lib/jobs/reminders.ts). */
  REMINDERS_INTERVAL_SECONDS: positiveInt(60),
  MAIL_INBOX_PORT: z.coerce.number({ message: "must be a port number" }).int().min(1).max(65535).default(1080),
  SEED_DEMO: booleanFlag(),
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
