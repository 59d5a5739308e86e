import "server-only";
import { timingSafeEqual } from "node:crypto";
import { getDb } from "@/lib/db";
import type { LinkFailure } from "@/lib/errors";
import { hashLinkToken } from "@/lib/access/tokens";

export type LinkCheck =
  | { ok: true; linkId: string; accessId: string }
  | { ok: false; reason: LinkFailure };

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/**
 * What an activation link token is worth now. The token is looked up by its digest (the database never
 * compares secrets), and the stored digest is then checked again in constant time, so neither the
 * index nor a case-insensitive collation can make a near miss count.
 */
export async function checkActivationToken(token: string, now = new Date()): Promise<LinkCheck> {
  if (!TOKEN_FORMAT.test(token)) return { ok: false, reason: "malformed" };
  const tokenHash = hashLinkToken(token);
  const link = await getDb().activationLink.findUnique({ where: { tokenHash }, include: { access: { select: { enabled: true } } } });
  if (!link || !sameDigest(link.tokenHash, tokenHash)) return { ok: false, reason: "unknown" };
  if (link.usedAt) return { ok: false, reason: "used" };
  if (link.revokedAt) return { ok: false, reason: revokedAs(link.revokedReason, link.access.enabled) };
  if (link.expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, linkId: link.id, accessId: link.accessId };
}

function sameDigest(stored: string, computed: string): boolean {
  const a = Buffer.from(stored, "hex");
  const b = Buffer.from(computed, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A link revoked by a deactivation says "disabled" only while the access is; once re-enabled, "revoked" (ask for a new one). */
function revokedAs(reason: string | null, accessEnabled: boolean): LinkFailure {
  if (reason === "deactivated") return accessEnabled ? "revoked" : "disabled";
  if (reason === "password_set") return "password_set";
  return "revoked";
}
