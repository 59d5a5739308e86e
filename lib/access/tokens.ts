// Activation link tokens: 256 random bits, only their SHA-256 is stored; compared by hash lookup.
import { createHash, randomBytes } from "node:crypto";
import { activationPath } from "@/lib/routes";

export function createLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Where a link token leads: the activation page (served by the portal). */
export function activationUrl(appUrl: string, token: string): string {
  return `${appUrl}${activationPath(token)}`;
}
