import "server-only";
import { z } from "zod";
import { readStaffCookie } from "@/lib/auth";
import { closeStaffSession } from "@/lib/data/staff-sessions";
import { publicAction } from "../pipeline";

/**
 * « Se déconnecter », first step: the session ends on the server before next-auth clears the cookie,
 * so that a failure here is told to the staff member instead of leaving a live session behind a
 * browser that looks signed out. No right: anyone may end their own session, even one no longer valid.
 */
export const endStaffSession = publicAction({
  name: "endStaffSession",
  schema: z.unknown(),
  handler: async () => {
    const cookie = await readStaffCookie();
    if (cookie) await closeStaffSession(cookie.sessionId);
    return null;
  },
});
