// The names of next-auth's staff session cookie (with the __Secure- prefix when APP_URL is https).
// Pure, so that proxy.ts and lib/auth.ts read the same names.
export const STAFF_SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;
