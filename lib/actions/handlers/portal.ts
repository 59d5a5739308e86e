import "server-only";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { checkPassword } from "@/lib/access/password-policy";
import { sendLinksToAddress } from "@/lib/data/access/send-links-to-address";
import * as accounts from "@/lib/data/portal-accounts";
import * as activation from "@/lib/data/portal-activation";
import { closePortalSession, openPortalSession } from "@/lib/data/portal-sessions";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { deletePortalCookie, readPortalCookie, writePortalCookie } from "@/lib/portal/session";
import { linkRequestAllowed, signInSucceeded } from "@/lib/data/rate-limits";
import { PORTAL_SIGN_IN_PATH } from "@/lib/routes";
import { ZChoosePassword } from "@/lib/validation/activation";
import { ZChangePortalPassword, ZPortalSignIn, ZRequestLink } from "@/lib/validation/portal";
import { portalAction, publicAction } from "../pipeline";

/** Portal sign-in: one generic message for wrong credentials; "account_disabled" only with the right password. */
export const portalSignIn = publicAction({
  name: "portalSignIn",
  schema: ZPortalSignIn,
  limit: { scope: "portal", key: ({ email }) => email },
  handler: async ({ email, password }, { client }) => {
    const account = await accounts.findPortalAccount(email, password);
    if (!account.ok) throw new AppError(account.reason === "disabled" ? "account_disabled" : "invalid_credentials");
    await signInSucceeded("portal", email, await client());
    await writePortalCookie(await openPortalSession(account));
    return null;
  },
});

/**
 * "Recevoir un nouveau lien" and "Mot de passe oublié ?": sends a fresh link to every enabled access
 * using this address. The answer is the same, and as fast, whether or not such an access exists or
 * the limit is hit: the limit is counted after the answer, not by the pipeline.
 */
export const requestNewLink = publicAction({
  name: "requestNewLink",
  schema: ZRequestLink,
  handler: async ({ email }, { client }) => {
    const key = await client();
    // After the answer: rendering and queueing an email takes time only when the address has an
    // access, and the response time must not tell who has one.
    after(async () => {
      try {
        if (await linkRequestAllowed(email, key)) await sendLinksToAddress(email);
      } catch (error) {
        logError("action requestNewLink", error);
      }
    });
    return null;
  },
});

/**
 * "Changer mon mot de passe": this session stays open, every other one of the person ends. Guessing
 * the current password from an open session is limited like signing in.
 */
export const changePortalPassword = portalAction({
  name: "changePortalPassword",
  schema: ZChangePortalPassword,
  limit: { scope: "portal-password", key: (_input, { session }) => session.accessId },
  handler: async ({ current, next }, { session, client }) => {
    const outcome = await accounts.changePortalPassword(session, current, next);
    if (outcome.ok || outcome.reason !== "wrong_current") await signInSucceeded("portal-password", session.accessId, await client());
    if (!outcome.ok) {
      if (outcome.reason === "weak_password") throw new AppError("weak_password", { problems: outcome.problems });
      throw new AppError(outcome.reason === "wrong_current" ? "wrong_current_password" : "session_ended");
    }
    await writePortalCookie({ ...session, sessionVersion: outcome.sessionVersion });
    return null;
  },
});

/**
 * The activation page's form: a public endpoint (the link is the credential), so it never says more
 * than the link's own state. The link proved the address and the password was just chosen: the
 * person is signed in to their espace.
 */
export const choosePassword = publicAction({
  name: "choosePassword",
  schema: ZChoosePassword,
  handler: async ({ token, password, confirmation }) => {
    if (password !== confirmation) {
      // Say everything at once: the rules that need no link (length, common passwords) with the mismatch.
      const { problems } = checkPassword(password, { names: [], email: null });
      throw AppError.invalidInput({ ...(problems.length ? { password: problems } : {}), confirmation: ["mismatch"] });
    }
    const outcome = await activation.choosePassword(token, password);
    if (outcome.ok) return { email: outcome.email, reset: outcome.reset, signedIn: await signIn(outcome) };
    if (outcome.reason === "weak_password") throw AppError.invalidInput({ password: outcome.problems });
    throw new AppError("link_unusable", { reason: outcome.reason });
  },
});

/** The password is saved whatever happens here: a session that cannot start leaves the sign-in page. */
async function signIn(account: { accessId: string; sessionVersion: number }): Promise<boolean> {
  try {
    await writePortalCookie(await openPortalSession(account));
    return true;
  } catch (error) {
    logError("action choosePassword session", error);
    return false;
  }
}

/** "Se déconnecter": ends this session on the server too, so a copy of the cookie is worth nothing. */
export const portalSignOut = publicAction({
  name: "portalSignOut",
  schema: z.unknown(),
  handler: async () => {
    const session = await readPortalCookie();
    try {
      if (session) await closePortalSession(session);
    } catch (error) {
      // The cookie goes anyway; the session row expires on its own.
      logError("action portalSignOut", error);
    }
    await deletePortalCookie();
    redirect(PORTAL_SIGN_IN_PATH);
  },
});
