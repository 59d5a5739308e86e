import "server-only";
import { cookies } from "next/headers";
import { getStaff } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { toLocale, type Locale } from "./locales";
import { DEFAULT_TIME_ZONE } from "./time-zones";

/** The language chosen in this browser: the portal, the sign-in pages and the home page follow it. */
export const LOCALE_COOKIE = "sesame-lang";

/**
 * The language of this request's pages: a signed-in staff member's own (stored with their account,
 * so it follows them from one computer to the next), else the browser's choice, else French.
 * getStaff() is cached per request, so staff pages read the account once.
 */
export async function requestLocale(): Promise<Locale> {
  const staff = await getStaff();
  if (staff) return staff.locale;
  return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

/**
 * The clock this request's pages write times on: a staff member's (their schools'), else the default.
 * A student's profile writes on its school's own (its layout says so).
 */
export async function requestTimeZone(): Promise<string> {
  return (await getStaff())?.timeZone ?? DEFAULT_TIME_ZONE;
}

export async function writeLocaleCookie(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    sameSite: "lax",
    secure: getEnv().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: 365 * 24 * 3600,
  });
}
