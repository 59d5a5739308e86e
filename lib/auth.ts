import "server-only";
import type { NextAuthOptions } from "next-auth";
import { decode } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { signInStaff } from "@/lib/data/staff";
import { closeStaffSession, loadStaffSession, openStaffSession, STAFF_SESSION_HOURS } from "@/lib/data/staff-sessions";
import { clientKeyOf } from "@/lib/client-key";
import { STAFF_SESSION_COOKIES } from "@/lib/auth-cookies";
import { getEnv } from "@/lib/env";
import { logError, logWarning } from "@/lib/log";
import { hasRight, type Right, type StaffContext } from "@/lib/rights";
import { EMAIL_MAX_LENGTH } from "@/lib/access/email-address";
import { SIGN_IN_PATH } from "@/lib/routes";
import { encodeSignInError } from "@/lib/errors";

const ZCredentials = z.object({
  email: z.string().trim().min(1).max(EMAIL_MAX_LENGTH),
  password: z.string().min(1).max(1024),
});

let options: NextAuthOptions | undefined;

/**
 * next-auth configuration for staff sign-in (email + password). The signed cookie (JWT) names a
 * recorded StaffSession: signing out ends that row, so a copy of the cookie opens nothing afterwards.
 */
export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getEnv().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: STAFF_SESSION_HOURS * 3600 },
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    // next-auth prints multi-line stack traces (a forged cookie is a JWT_SESSION_ERROR): one
    // redacted line through lib/log.ts instead.
    logger: {
      error: (code, metadata) =>
        logError(`next-auth ${code}`, metadata instanceof Error ? metadata : ((metadata as { error?: unknown })?.error ?? metadata)),
      warn: (code) => logWarning(`next-auth ${code}`),
      debug: () => {},
    },
    providers: [
      CredentialsProvider({
        name: "Sésame",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const parsed = ZCredentials.safeParse(credentials);
          if (!parsed.success) return null;
          const client = clientKeyOf((name) => {
            const value = (request?.headers as Record<string, string | string[] | undefined> | undefined)?.[name];
            return Array.isArray(value) ? value[0] : value;
          });
          const result = await signInStaff(parsed.data.email, parsed.data.password, client);
          if (result.ok) return result.staff;
          // next-auth hands a thrown error's message to the form as `error`; null means "invalid".
          if (result.error === "too_many_attempts") throw new Error(encodeSignInError({ code: result.error, minutes: result.minutes }));
          return null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        // Only at sign-in is `user` set: the cookie then gets the id of a new recorded session.
        if (user) return { staffId: user.id, sid: await openStaffSession(user.id) };
        return token;
      },
      // The cookie is read by getStaff(), against the recorded session: /api/auth/session (unused by
      // the app) shows nothing but the cookie's expiry, whether or not the session still stands.
      session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      // The menu ends the session first (lib/actions/staff-session.ts); this also ends one signed
      // out another way, e.g. by posting to /api/auth/signout.
      async signOut({ token }) {
        if (typeof token?.sid === "string") await closeStaffSession(token.sid);
      },
    },
  };
  return options;
}

/** The session the staff cookie names, if it decrypts and has not expired (whether it stands is the data's call). */
export async function readStaffCookie(): Promise<{ staffId: string; sessionId: string } | null> {
  const store = await cookies();
  const value = STAFF_SESSION_COOKIES.map((name) => store.get(name)?.value).find(Boolean);
  if (!value) return null;
  try {
    const token = await decode({ token: value, secret: getEnv().AUTH_SECRET });
    return typeof token?.staffId === "string" && typeof token.sid === "string" ? { staffId: token.staffId, sessionId: token.sid } : null;
  } catch (error) {
    // A forged, tampered or outdated cookie: worth one line in the logs, not a stack trace.
    logWarning("staff session cookie refused", error);
    return null;
  }
}

/** The signed-in staff member with their current rights, or null. Cached for one request. */
export const getStaff = cache(async (): Promise<StaffContext | null> => {
  const cookie = await readStaffCookie();
  return cookie ? loadStaffSession(cookie.sessionId, cookie.staffId) : null;
});

/** For pages: the staff member, or a redirect to the sign-in page. */
export async function requireStaff(): Promise<StaffContext> {
  const staff = await getStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  return staff;
}

/**
 * For downloads (route handlers): the staff member holding `right`, or the answer to send instead —
 * 401 without a session, 403 without the right — as plain text in the caller's language.
 */
export async function staffForDownload(right: Right): Promise<StaffContext | Response> {
  const staff = await getStaff();
  if (staff && hasRight(staff, right)) return staff;
  const t = await getTranslations("errors");
  return staff ? plainText(t("forbidden"), 403) : plainText(t("unauthenticated"), 401);
}

/** A download's refusal: plain text, never cached. */
export function plainText(message: string, status: number): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** For pages: the staff member holding `right`, or the "accès refusé" page (HTTP 403). */
export async function requireRight(right: Right): Promise<StaffContext> {
  const staff = await requireStaff();
  if (!hasRight(staff, right)) forbidden();
  return staff;
}
