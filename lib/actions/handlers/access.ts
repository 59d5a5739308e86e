import "server-only";
import type { AccessState } from "@/lib/access/state";
import * as changing from "@/lib/data/access/change-email";
import * as disabling from "@/lib/data/access/disable-access";
import * as enabling from "@/lib/data/access/enable-access";
import type { AccessOutcome } from "@/lib/data/access/outcome";
import * as resending from "@/lib/data/access/resend-activation";
import * as reminding from "@/lib/data/access/send-reminder";
import * as overview from "@/lib/data/access-overview";
import * as sharedEmails from "@/lib/data/shared-emails";
import { AppError } from "@/lib/errors";
import { RIGHTS } from "@/lib/rights";
import { STUDENTS_PATH } from "@/lib/routes";
import {
  ZAccessHistory,
  ZAddressSharers,
  ZChangeEmail,
  ZDisableAccess,
  ZEnableAccess,
  ZResendActivation,
  ZSendReminder,
} from "@/lib/validation/access";
import { orNotFound, staffAction } from "../pipeline";

// The data functions bear the actions' own names (decision 008): they are called through their modules.

/** After a change, the list and every page of the student show the new state. */
const STUDENT_PAGES = { path: STUDENTS_PATH, type: "layout" } as const;

type AccessResult = { state: AccessState; emailQueued: boolean };

function accessResult(outcome: AccessOutcome): AccessResult {
  if (!outcome.ok) throw new AppError(outcome.error);
  return { state: outcome.state, emailQueued: outcome.emailQueued };
}

export const enableAccess = staffAction(RIGHTS.editStudent, {
  name: "enableAccess",
  schema: ZEnableAccess,
  revalidate: STUDENT_PAGES,
  handler: async (ref, { staff }) => accessResult(await enabling.enableAccess(staff, ref)),
});

export const disableAccess = staffAction(RIGHTS.editStudent, {
  name: "disableAccess",
  schema: ZDisableAccess,
  revalidate: STUDENT_PAGES,
  handler: async (ref, { staff }) => accessResult(await disabling.disableAccess(staff, ref)),
});

export const resendActivation = staffAction(RIGHTS.editStudent, {
  name: "resendActivation",
  schema: ZResendActivation,
  revalidate: STUDENT_PAGES,
  handler: async ({ copyToStaff, ...ref }, { staff }) => accessResult(await resending.resendActivation(staff, ref, { copyToStaff })),
});

/** « Relancer »: a reminder with a fresh link, only while the invitation is pending or expired. */
export const sendReminder = staffAction(RIGHTS.editStudent, {
  name: "sendReminder",
  schema: ZSendReminder,
  revalidate: STUDENT_PAGES,
  handler: async ({ copyToStaff, ...ref }, { staff }) => accessResult(await reminding.remindPerson(staff, ref, { copyToStaff })),
});

export const changeEmail = staffAction(RIGHTS.editStudent, {
  name: "changeEmail",
  schema: ZChangeEmail,
  revalidate: STUDENT_PAGES,
  handler: async ({ email, locale, ...ref }, { staff }) => accessResult(await changing.changeEmail(staff, ref, { email, locale })),
});

/** Who else is registered with a person's address, shown before enabling access from the list. */
export const findAddressSharers = staffAction(RIGHTS.viewStudent, {
  name: "findAddressSharers",
  schema: ZAddressSharers,
  handler: async (ref, { staff }) => orNotFound(await sharedEmails.findAddressSharers(staff, ref)),
});

/** Reading the history needs only "Afficher un étudiant". */
export const getAccessHistory = staffAction(RIGHTS.viewStudent, {
  name: "getAccessHistory",
  schema: ZAccessHistory,
  handler: async (ref, { staff }) => orNotFound(await overview.getAccessHistory(staff, ref)),
});
