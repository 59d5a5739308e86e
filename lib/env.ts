import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { GENERATED_SECRET_FILE, parseConfig, type TConfig } from "./config";

function readGeneratedSecret(): string | undefined {
  try {
    return readFileSync(path.join(process.cwd(), GENERATED_SECRET_FILE), "utf8").trim();
  } catch {
    return undefined;
  }
}

let config: TConfig | undefined;

/** The validated configuration, read once per process. */
export function getEnv(): TConfig {
  config ??= parseConfig({
    ...process.env,
    AUTH_SECRET: process.env.AUTH_SECRET || readGeneratedSecret(),
  });
  return config;
}
