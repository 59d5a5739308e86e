// Runs before every page and action: refuses malformed requests that Next.js would answer with a bare
// 500 (lib/request-guards.ts), gives each response its Content-Security-Policy with a fresh nonce
// (lib/csp.ts), and sends a visitor without a staff session cookie who opens a staff page to the
// sign-in page, which brings them back afterwards (home is public: it shows the two doors). Redirects
// only: pages and actions check rights themselves.
import { NextResponse, type NextRequest } from "next/server";
import { STAFF_SESSION_COOKIES } from "@/lib/auth-cookies";
import { contentSecurityPolicy, createNonce, NONCE_HEADER } from "@/lib/csp";
import { isActionPost, isMalformedPath, refuseActionRequest } from "@/lib/request-guards";
import { isStaffPath, NOT_FOUND_PATH, signInPath } from "@/lib/routes";

const CSP = "Content-Security-Policy";

const REFUSALS: Record<number, string> = {
  400: "Requête invalide.",
  411: "La longueur de la requête doit être indiquée.",
  413: "La requête est trop volumineuse.",
};

/**
 * A redirect within the site. Next.js writes the Location relative to the request's own origin, so a
 * forged Host header cannot send anyone to another site.
 */
function redirectTo(request: NextRequest, location: string): NextResponse {
  return NextResponse.redirect(new URL(location, request.url), 307);
}

export async function proxy(request: NextRequest) {
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== "production" });
  const withPolicy = <T extends Response>(response: T): T => {
    response.headers.set(CSP, policy);
    return response;
  };
  const { pathname, search } = request.nextUrl;

  if (isActionPost(request.method, request.headers)) {
    const refusal = await refuseActionRequest(request);
    if (refusal) {
      return withPolicy(
        new NextResponse(REFUSALS[refusal.status], { status: refusal.status, headers: { "Content-Type": "text/plain; charset=utf-8" } }),
      );
    }
  }

  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set(CSP, policy);

  if (isMalformedPath(pathname)) {
    const notFound = request.nextUrl.clone();
    notFound.pathname = NOT_FOUND_PATH;
    notFound.search = "";
    return withPolicy(NextResponse.rewrite(notFound, { request: { headers: requestHeaders } }));
  }

  if (isStaffPath(pathname) && !STAFF_SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    return withPolicy(redirectTo(request, signInPath(`${pathname}${search}`)));
  }

  return withPolicy(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  // Every page, action and public file; not Next's build assets (its own answers, no page in them).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
