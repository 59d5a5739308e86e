import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseConfig, type TConfig } from "./config";

export const AUTH_SECRET_FILE = path.join("data", "auth-secret");

function readGeneratedSecret(): string | undefined {
  try {
    return readFileSync(path.join(process.cwd(), AUTH_SECRET_FILE), "utf8").trim();
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
