import "server-only";
import { cookies } from "next/headers";
import { getStaff } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { toLocale, type Locale } from "./locales";

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

export async function writeLocaleCookie(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    sameSite: "lax",
    secure: getEnv().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: 365 * 24 * 3600,
  });
}
