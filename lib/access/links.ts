import "server-only";
import { getDb } from "@/lib/db";
import { hashLinkToken } from "./tokens";

export type LinkCheck =
  | { ok: true; linkId: string; accessId: string }
  | { ok: false; reason: "malformed" | "unknown" | "used" | "revoked" | "expired" };

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/**
 * What an activation link token is worth now. Looking a token up by its hash means the comparison is
 * an index lookup on a digest, never a character-by-character comparison of secrets.
 */
export async function checkActivationToken(token: string, now = new Date()): Promise<LinkCheck> {
  if (!TOKEN_FORMAT.test(token)) return { ok: false, reason: "malformed" };
  const link = await getDb().activationLink.findUnique({ where: { tokenHash: hashLinkToken(token) } });
  if (!link) return { ok: false, reason: "unknown" };
  if (link.usedAt) return { ok: false, reason: "used" };
  if (link.revokedAt) return { ok: false, reason: "revoked" };
  if (link.expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, linkId: link.id, accessId: link.accessId };
}
