"use server";
import { z } from "zod";
import { checkPassword, type PasswordProblem } from "@/lib/access/password-policy";
import { choosePassword } from "@/lib/data/portal-activation";
import { ZChoosePassword } from "@/lib/validation/activation";
import { logError } from "@/lib/log";
import { openPortalSession } from "@/lib/data/portal-sessions";
import { writePortalCookie } from "@/lib/portal/session";

export type ChoosePasswordResult =
  | { ok: true; data: { email: string; signedIn: boolean } }
  | { ok: false; error: "link"; reason: string }
  | { ok: false; error: "invalid_input" | "internal"; fieldErrors?: { password?: (PasswordProblem | "required" | "mismatch")[]; confirmation?: "mismatch"[] } };

/**
 * The activation page's form: a public endpoint (the link is the credential), so it checks its input,
 * answers with codes the page translates, and never says more than the link's own state. The link
 * proved the address and the password was just chosen: the person is signed in to their espace.
 */
export async function submitNewPassword(input: unknown): Promise<ChoosePasswordResult> {
  const parsed = ZChoosePassword.safeParse(input);
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, error: "invalid_input", fieldErrors: { password: errors.password as ("required" | "too_long")[] | undefined } };
  }
  const { token, password, confirmation } = parsed.data;
  if (password !== confirmation) {
    // Say everything at once: the rules that need no link (length, common passwords) with the mismatch.
    const { problems } = checkPassword(password, { names: [], email: null });
    return { ok: false, error: "invalid_input", fieldErrors: { ...(problems.length ? { password: problems } : {}), confirmation: ["mismatch"] } };
  }
  try {
    const outcome = await choosePassword(token, password);
    if (outcome.ok) return { ok: true, data: { email: outcome.email, signedIn: await signIn(outcome) } };
    if (outcome.reason === "weak_password") return { ok: false, error: "invalid_input", fieldErrors: { password: outcome.problems } };
    return { ok: false, error: "link", reason: outcome.reason };
  } catch (error) {
    logError("action submitNewPassword", error);
    return { ok: false, error: "internal" };
  }
}

/** The password is saved whatever happens here: a session that cannot start leaves the sign-in page. */
async function signIn(account: { accessId: string; sessionVersion: number }): Promise<boolean> {
  try {
    await writePortalCookie(await openPortalSession(account));
    return true;
  } catch (error) {
    logError("action submitNewPassword session", error);
    return false;
  }
}
