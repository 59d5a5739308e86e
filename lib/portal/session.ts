import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { PORTAL_SESSION_HOURS, portalSessionStands, type PortalSession } from "@/lib/data/portal-sessions";
import { getEnv } from "@/lib/env";
import { portalSignInPath } from "@/lib/routes";

/** The portal's own session cookie: separate from the staff session (next-auth), never mistaken for it. */
export const PORTAL_COOKIE = "sesame-portal";

function key(): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", getEnv().AUTH_SECRET, "sesame-portal", "portal session v1", 32));
}

/** Writes the signed cookie naming a session recorded by lib/data/portal-sessions.ts. */
export async function writePortalCookie(session: PortalSession): Promise<void> {
  const token = await new SignJWT({ v: session.sessionVersion, sid: session.id })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(session.accessId)
    .setAudience("sesame-portal")
    .setIssuedAt()
    .setExpirationTime(`${PORTAL_SESSION_HOURS}h`)
    .sign(key());
  (await cookies()).set(PORTAL_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: PORTAL_SESSION_HOURS * 3600,
  });
}

/** The session the cookie names, if its signature and lifetime hold (whether it still stands is the data's call). */
export async function readPortalCookie(): Promise<PortalSession | null> {
  const token = (await cookies()).get(PORTAL_COOKIE)?.value;
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key(), { audience: "sesame-portal", algorithms: ["HS256"] });
    if (typeof payload.sub !== "string" || typeof payload.v !== "number" || typeof payload.sid !== "string") return null;
    return { id: payload.sid, accessId: payload.sub, sessionVersion: payload.v };
  } catch {
    return null;
  }
}

export async function deletePortalCookie(): Promise<void> {
  (await cookies()).delete(PORTAL_COOKIE);
}

/**
 * The portal's counterpart of getStaff(): the cookie's session, once the data says it still stands.
 * `ended` tells a cookie whose session no longer stands from no cookie at all. Cached for one request,
 * so a layout and its page check the session once.
 */
const checkPortalSession = cache(async (): Promise<{ session: PortalSession | null; ended: boolean }> => {
  const session = await readPortalCookie();
  if (!session) return { session: null, ended: false };
  return (await portalSessionStands(session)) ? { session, ended: false } : { session: null, ended: true };
});

/** The signed-in student's or parent's session, or null (signed out, expired, or ended since). */
export async function getPortalSession(): Promise<PortalSession | null> {
  return (await checkPortalSession()).session;
}

/**
 * For portal pages, like requireStaff() for staff ones: the session, or the portal sign-in page, which
 * says the session has ended when the cookie named one that no longer stands.
 */
export async function requirePortalSession(): Promise<PortalSession> {
  const { session, ended } = await checkPortalSession();
  if (!session) redirect(portalSignInPath({ expired: ended }));
  return session;
}
