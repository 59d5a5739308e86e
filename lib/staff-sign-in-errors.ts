// What next-auth passes from the staff sign-in (server) to its form (browser): its own
// "CredentialsSignin" for wrong credentials, or the message of an error thrown by authorize().

export const TOO_MANY_PREFIX = "too_many:";

export type StaffSignInError = { kind: "invalid" } | { kind: "too_many"; minutes: number } | { kind: "unavailable" };

export function readStaffSignInError(result: { error?: string | null; status?: number } | undefined): StaffSignInError {
  const error = result?.error ?? "";
  if (error.startsWith(TOO_MANY_PREFIX)) {
    const minutes = Number.parseInt(error.slice(TOO_MANY_PREFIX.length), 10);
    return { kind: "too_many", minutes: Number.isFinite(minutes) && minutes > 0 ? minutes : 15 };
  }
  if (error === "CredentialsSignin" || result?.status === 401) return { kind: "invalid" };
  return { kind: "unavailable" };
}
