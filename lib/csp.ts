// The Content-Security-Policy of every page, built per request by proxy.ts around a fresh nonce:
// only scripts carrying it run (Next.js puts it on its own scripts, read from the request's CSP
// header), and scripts they load inherit the trust ('strict-dynamic'). No inline script without it.

export const NONCE_HEADER = "x-nonce";

/** 128 random bits, base64: unguessable and fresh for each response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // 'self' and https: are ignored by browsers that know 'strict-dynamic'; kept for older ones.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // React writes style attributes, which nonces cannot cover.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}
