import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";

/** How long a portal session lasts without signing in again. */
export const PORTAL_SESSION_HOURS = 12;

/**
 * A signed-in browser of the espace étudiant: its row (ended by signing out), the access, and the
 * access's session version when it was opened (a deactivation, a link from staff or a new password
 * moves the version on and so ends every session at once).
 */
export type PortalSession = { id: string; accessId: string; sessionVersion: number };

/** Records a new session for an access whose credentials were just proven. */
export async function openPortalSession(account: { accessId: string; sessionVersion: number }, now = new Date()): Promise<PortalSession> {
  const id = randomBytes(32).toString("base64url");
  const db = getDb();
  await db.portalSession.create({
    data: { id, accessId: account.accessId, expiresAt: new Date(now.getTime() + PORTAL_SESSION_HOURS * 3600_000) },
  });
  // Housekeeping on the way: sessions expired for a day are of no use, even to explain anything.
  await db.portalSession.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
  return { id, accessId: account.accessId, sessionVersion: account.sessionVersion };
}

/** "Se déconnecter": this session ends for good, even if its cookie was copied elsewhere. */
export async function closePortalSession(session: PortalSession, now = new Date()): Promise<void> {
  await getDb().portalSession.updateMany({ where: { id: session.id, accessId: session.accessId, endedAt: null }, data: { endedAt: now } });
}

/**
 * Whether a session still stands — the one place that decides it: its row is neither signed out nor
 * expired, and its access is enabled, has a password, and is still at the version the session saw.
 */
export async function portalSessionStands(session: PortalSession, now = new Date()): Promise<boolean> {
  const row = await getDb().portalSession.findFirst({
    where: {
      id: session.id,
      accessId: session.accessId,
      endedAt: null,
      expiresAt: { gt: now },
      access: { enabled: true, passwordHash: { not: null }, sessionVersion: session.sessionVersion },
    },
    select: { id: true },
  });
  return row !== null;
}
