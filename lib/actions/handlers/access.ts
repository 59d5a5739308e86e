import "server-only";
import { changeEmail, disableAccess, enableAccess, resendActivation, type AccessOutcome } from "@/lib/data/access";
import type { AccessState } from "@/lib/access/state";
import { getAccessHistory } from "@/lib/data/access-overview";
import { sharersOf } from "@/lib/data/shared-emails";
import { failure, success, type ActionResult } from "@/lib/errors";
import { RIGHTS } from "@/lib/rights";
import { ZAccessHistory, ZAddressSharers, ZChangeEmail, ZDisableAccess, ZEnableAccess, ZResendActivation } from "@/lib/validation/access";
import { defineAction } from "../define-action";

type AccessResult = { state: AccessState; emailQueued: boolean };

function toResult(outcome: AccessOutcome): ActionResult<AccessResult> {
  return outcome.ok ? success({ state: outcome.state, emailQueued: outcome.emailQueued }) : failure(outcome.error);
}

export const enableAccessHandler = defineAction(
  { name: "enableAccess", schema: ZEnableAccess, right: RIGHTS.editStudent },
  async (staff, ref) => toResult(await enableAccess(staff, ref)),
);

export const disableAccessHandler = defineAction(
  { name: "disableAccess", schema: ZDisableAccess, right: RIGHTS.editStudent },
  async (staff, ref) => toResult(await disableAccess(staff, ref)),
);

export const resendActivationHandler = defineAction(
  { name: "resendActivation", schema: ZResendActivation, right: RIGHTS.editStudent },
  async (staff, { copyToStaff, ...ref }) => toResult(await resendActivation(staff, ref, { copyToStaff })),
);

export const changeEmailHandler = defineAction(
  { name: "changeEmail", schema: ZChangeEmail, right: RIGHTS.editStudent },
  async (staff, { email, ...ref }) => toResult(await changeEmail(staff, ref, email)),
);

/** Who else is registered with a person's address, shown before enabling access from the list. */
export const addressSharersHandler = defineAction(
  { name: "addressSharers", schema: ZAddressSharers, right: RIGHTS.viewStudent },
  async (staff, ref) => {
    const sharers = await sharersOf(staff, ref);
    return sharers ? success(sharers) : failure("not_found");
  },
);

/** Reading the history needs only "Afficher un étudiant". */
export const accessHistoryHandler = defineAction(
  { name: "accessHistory", schema: ZAccessHistory, right: RIGHTS.viewStudent },
  async (staff, ref) => {
    const history = await getAccessHistory(staff, ref);
    return history ? success(history) : failure("not_found");
  },
);
