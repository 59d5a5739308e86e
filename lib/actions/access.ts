"use server";
import { revalidatePath } from "next/cache";
import { getStaff } from "@/lib/auth";
import type { ActionResult } from "@/lib/errors";
import { STUDENTS_PATH } from "@/lib/routes";
import {
  accessHistoryHandler,
  addressSharersHandler,
  changeEmailHandler,
  disableAccessHandler,
  enableAccessHandler,
  resendActivationHandler,
} from "./handlers/access";

/** After a change, the list and every page of the student show the new state. */
async function refreshAfter<T>(result: ActionResult<T>): Promise<ActionResult<T>> {
  if (result.ok) revalidatePath(STUDENTS_PATH, "layout");
  return result;
}

export async function enablePortalAccess(input: unknown) {
  return refreshAfter(await enableAccessHandler(getStaff, input));
}

export async function disablePortalAccess(input: unknown) {
  return refreshAfter(await disableAccessHandler(getStaff, input));
}

export async function resendActivationEmail(input: unknown) {
  return refreshAfter(await resendActivationHandler(getStaff, input));
}

export async function changePersonEmail(input: unknown) {
  return refreshAfter(await changeEmailHandler(getStaff, input));
}

export async function loadAccessHistory(input: unknown) {
  return accessHistoryHandler(getStaff, input);
}

export async function loadAddressSharers(input: unknown) {
  return addressSharersHandler(getStaff, input);
}
