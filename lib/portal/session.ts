import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { cookies } from "next/headers";
import { PORTAL_SESSION_HOURS, type PortalSession } from "@/lib/data/portal-sessions";
import { getEnv } from "@/lib/env";

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
