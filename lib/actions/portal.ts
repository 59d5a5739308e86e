"use server";
import { headers } from "next/headers";
import { after } from "next/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { changePortalPassword, findPortalAccount } from "@/lib/data/portal-accounts";
import { sendLinksToAddress } from "@/lib/data/access";
import { clientKeyOf, linkRequestAllowed, signInSucceeded, takeSignInAttempt } from "@/lib/rate-limits";
import { closePortalSession, openPortalSession } from "@/lib/data/portal-sessions";
import { deletePortalCookie, readPortalCookie, writePortalCookie } from "@/lib/portal/session";
import type { PasswordProblem } from "@/lib/access/password-policy";
import { logError } from "@/lib/log";
import { ZEmail } from "@/lib/validation/email";
import { PORTAL_SIGN_IN_PATH } from "@/lib/routes";

const ZPortalSignIn = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) });

export type PortalSignInResult =
  | { ok: true }
  | { ok: false; error: "required" | "invalid" | "disabled" | "unavailable" }
  | { ok: false; error: "too_many"; minutes: number };

async function clientKey(): Promise<string> {
  const requestHeaders = await headers();
  return clientKeyOf((name) => requestHeaders.get(name));
}

/** Portal sign-in: one generic message for wrong credentials; "disabled" only with the right password. */
export async function portalSignIn(input: unknown): Promise<PortalSignInResult> {
  const parsed = ZPortalSignIn.safeParse(input);
  if (!parsed.success) return { ok: false, error: "required" };
  try {
    const { email, password } = parsed.data;
    const client = await clientKey();
    const wait = await takeSignInAttempt("portal", email, client);
    if (wait > 0) return { ok: false, error: "too_many", minutes: Math.ceil(wait / 60) };
    const account = await findPortalAccount(email, password);
    if (!account.ok) return { ok: false, error: account.reason };
    await signInSucceeded("portal", email, client);
    await writePortalCookie(await openPortalSession(account));
    return { ok: true };
  } catch (error) {
    logError("action portalSignIn", error);
    return { ok: false, error: "unavailable" };
  }
}

const ZRequestLink = z.object({ email: ZEmail });

/**
 * "Recevoir un nouveau lien" and "Mot de passe oublié ?": sends a fresh link to every enabled access
 * using this address. The answer is the same, and as fast, whether or not such an access exists or
 * the limit is hit.
 */
export async function requestNewLink(input: unknown): Promise<{ ok: true } | { ok: false; error: "required" | "invalid_email" }> {
  const parsed = ZRequestLink.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message === "invalid_email" ? "invalid_email" : "required" };
  const client = await clientKey();
  // After the answer: rendering and queueing an email takes time only when the address has an
  // access, and the response time must not tell who has one.
  after(async () => {
    try {
      if (await linkRequestAllowed(parsed.data.email, client)) await sendLinksToAddress(parsed.data.email);
    } catch (error) {
      logError("action requestNewLink", error);
    }
  });
  return { ok: true };
}

const ZChangePassword = z.object({
  current: z.string().min(1).max(1024),
  next: z.string().min(1).max(1024),
  confirmation: z.string().max(1024),
});

export type ChangePortalPasswordResult =
  | { ok: true }
  | { ok: false; error: "required" | "mismatch" | "wrong_current" | "session" | "unavailable" }
  | { ok: false; error: "too_many"; minutes: number }
  | { ok: false; error: "weak_password"; problems: PasswordProblem[] };

/** "Changer mon mot de passe": this session stays open, every other one of the person ends. */
export async function changeMyPassword(input: unknown): Promise<ChangePortalPasswordResult> {
  const parsed = ZChangePassword.safeParse(input);
  if (!parsed.success) return { ok: false, error: "required" };
  if (parsed.data.next !== parsed.data.confirmation) return { ok: false, error: "mismatch" };
  try {
    const session = await readPortalCookie();
    if (!session) return { ok: false, error: "session" };
    // Guessing the current password from an open session is limited like signing in.
    const client = await clientKey();
    const wait = await takeSignInAttempt("portal-password", session.accessId, client);
    if (wait > 0) return { ok: false, error: "too_many", minutes: Math.ceil(wait / 60) };
    const outcome = await changePortalPassword(session, parsed.data.current, parsed.data.next);
    if (outcome.ok || outcome.reason !== "wrong_current") await signInSucceeded("portal-password", session.accessId, client);
    if (!outcome.ok) return outcome.reason === "weak_password" ? { ok: false, error: "weak_password", problems: outcome.problems } : { ok: false, error: outcome.reason };
    await writePortalCookie({ ...session, sessionVersion: outcome.sessionVersion });
    return { ok: true };
  } catch (error) {
    logError("action changeMyPassword", error);
    return { ok: false, error: "unavailable" };
  }
}

/** "Se déconnecter": ends this session on the server too, so a copy of the cookie is worth nothing. */
export async function portalSignOut(): Promise<void> {
  const session = await readPortalCookie();
  try {
    if (session) await closePortalSession(session);
  } catch (error) {
    // The cookie goes anyway; the session row expires on its own.
    logError("action portalSignOut", error);
  }
  await deletePortalCookie();
  redirect(PORTAL_SIGN_IN_PATH);
}
