// The two next-auth requests the staff browser makes, without next-auth/react (≈16 kB gzipped of
// client code for what is two form posts): sign in with a password, sign out. Same endpoints, same
// fields and same answers as next-auth's own signIn("credentials", { redirect: false }) and signOut().

import { AUTH_API_PATH } from "@/lib/routes";

async function postForm(endpoint: string, fields: Record<string, string>): Promise<Response> {
  const csrf = await fetch(`${AUTH_API_PATH}/csrf`);
  if (!csrf.ok) throw new Error(`csrf: HTTP ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return fetch(`${AUTH_API_PATH}/${endpoint}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken, json: "true" }),
  });
}

export type SignInResult = { ok: boolean; status: number; error: string | null };

/** Checks a staff member's email and password; on success the session cookie is set. Throws when the server cannot be reached. */
export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  const response = await postForm("callback/credentials", { email, password, callbackUrl: window.location.href });
  const { url } = (await response.json()) as { url: string };
  // next-auth answers with the URL it would redirect to, carrying ?error=… when sign-in failed.
  const error = new URL(url, window.location.href).searchParams.get("error");
  return { ok: response.ok, status: response.status, error };
}

/** Clears next-auth's session cookie, then loads `callbackUrl`. */
export async function signOutTo(callbackUrl: string): Promise<void> {
  const response = await postForm("signout", { callbackUrl });
  const { url } = (await response.json()) as { url?: string };
  window.location.href = url ?? callbackUrl;
}
