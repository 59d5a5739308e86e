import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth";
import { SIGN_IN_PATH } from "@/lib/routes";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context) {
  return NextAuth(getAuthOptions())(request, context);
}

/**
 * Credentials are only ever POSTed: next-auth answers a GET of their callback with a 500. Whoever
 * opens that address is sent to the sign-in page instead (a relative Location: the handler's
 * request URL names localhost, not the public host).
 */
async function GET(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth[0] === "callback" && nextauth[1] === "credentials") {
    return new Response(null, { status: 303, headers: { Location: SIGN_IN_PATH } });
  }
  return handler(request, context);
}

export { GET, handler as POST };
