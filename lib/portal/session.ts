import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { cookies } from "next/headers";
import { getEnv } from "@/lib/env";

/** The portal's own session cookie: separate from the staff session (next-auth), never mistaken for it. */
export const PORTAL_COOKIE = "sesame-portal";
const SESSION_HOURS = 12;

function key(): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", getEnv().AUTH_SECRET, "sesame-portal", "portal session v1", 32));
}

export type PortalSession = { accessId: string; sessionVersion: number };

export async function startPortalSession(session: PortalSession): Promise<void> {
  const token = await new SignJWT({ v: session.sessionVersion })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(session.accessId)
    .setAudience("sesame-portal")
    .setIssuedAt()
    .setExpirationTime(`${SESSION_HOURS}h`)
    .sign(key());
  (await cookies()).set(PORTAL_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: SESSION_HOURS * 3600,
  });
}

/** The session the cookie carries, if its signature and lifetime hold (whether it still stands is the data's call). */
export async function readPortalSession(): Promise<PortalSession | null> {
  const token = (await cookies()).get(PORTAL_COOKIE)?.value;
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key(), { audience: "sesame-portal", algorithms: ["HS256"] });
    if (typeof payload.sub !== "string" || typeof payload.v !== "number") return null;
    return { accessId: payload.sub, sessionVersion: payload.v };
  } catch {
    return null;
  }
}

export async function endPortalSession(): Promise<void> {
  (await cookies()).delete(PORTAL_COOKIE);
}
