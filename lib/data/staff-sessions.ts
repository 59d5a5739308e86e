import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import type { StaffContext } from "@/lib/rights";
import { STAFF_CONTEXT_INCLUDE, staffContextOf } from "./staff";

/** How long a staff session lasts without signing in again (the next-auth cookie lives as long). */
export const STAFF_SESSION_HOURS = 10;

/** Records a session for a staff member whose credentials were just proven; its id goes in the cookie. */
export async function openStaffSession(staffId: string, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const db = getDb();
  await db.staffSession.create({ data: { id, staffId, expiresAt: new Date(now.getTime() + STAFF_SESSION_HOURS * 3600_000) } });
  // Housekeeping on the way: sessions expired for a day explain nothing any more.
  await db.staffSession.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
  return id;
}

/** « Se déconnecter »: the session ends for good, even if a copy of its cookie lives elsewhere. */
export async function closeStaffSession(sessionId: string, now = new Date()): Promise<void> {
  await getDb().staffSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now } });
}

/**
 * The staff member behind a session cookie, with their rights as they are now, or null when the
 * session was ended or has expired, or the account was deactivated. Called on every request.
 */
export async function loadStaffSession(sessionId: string, staffId: string, now = new Date()): Promise<StaffContext | null> {
  const session = await getDb().staffSession.findFirst({
    where: { id: sessionId, staffId, endedAt: null, expiresAt: { gt: now } },
    select: { staff: { include: STAFF_CONTEXT_INCLUDE } },
  });
  return staffContextOf(session?.staff);
}
