"use server";
import { readStaffCookie } from "@/lib/auth";
import { closeStaffSession } from "@/lib/data/staff-sessions";
import { success, type ActionResult } from "@/lib/errors";
import { unexpectedFailure } from "./define-action";

/**
 * « Se déconnecter », first step: the session ends on the server before next-auth clears the cookie,
 * so that a failure here is told to the staff member instead of leaving a live session behind a
 * browser that looks signed out. No input, no right: anyone may end their own session.
 */
export async function endStaffSession(): Promise<ActionResult<null>> {
  try {
    const cookie = await readStaffCookie();
    if (cookie) await closeStaffSession(cookie.sessionId);
    return success(null);
  } catch (error) {
    return unexpectedFailure("endStaffSession", error);
  }
}
