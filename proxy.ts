// Redirects only (pages and actions check rights themselves): a visitor without a session cookie who
// opens a staff page goes to the sign-in page, which brings them back to that page afterwards.
import { NextResponse, type NextRequest } from "next/server";
import { RETURN_PARAM, SIGN_IN_PATH } from "@/lib/routes";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const target = new URL(SIGN_IN_PATH, request.url);
  const { pathname, search } = request.nextUrl;
  if (pathname !== "/") target.searchParams.set(RETURN_PARAM, `${pathname}${search}`);
  return NextResponse.redirect(target);
}

export const config = {
  // Staff pages only: not the sign-in page, next-auth, Next's assets or public files.
  matcher: ["/", "/etudiants/:path*"],
};
