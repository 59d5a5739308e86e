import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import type { StaffContext } from "@/lib/rights";
import { Prisma } from "@/lib/generated/sqlite/client";
import { MEMBER_COLUMNS, readStaffContext } from "./staff";

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
 * session was ended or has expired, or the account was deactivated. Called on every request: one
 * statement (lib/data/staff.ts).
 */
export function loadStaffSession(sessionId: string, staffId: string, now = new Date()): Promise<StaffContext | null> {
  return readStaffContext(
    staffId,
    Prisma.sql`SELECT ${MEMBER_COLUMNS}, s."expiresAt" FROM "StaffSession" s JOIN "StaffUser" u ON u."id" = s."staffId"
      WHERE s."id" = ${sessionId} AND s."staffId" = ${staffId} AND s."endedAt" IS NULL AND u."active" = TRUE`,
    now,
  );
}
