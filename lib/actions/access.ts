"use server";
// Server actions are public endpoints: each is a pipeline built in ./handlers (caller, schema,
// handler, errors, revalidation), exposed here with the caller loaded from the request.
import * as access from "./handlers/access";

export const enableAccess = access.enableAccess.serve;
export const disableAccess = access.disableAccess.serve;
export const resendActivation = access.resendActivation.serve;
export const sendReminder = access.sendReminder.serve;
export const changeEmail = access.changeEmail.serve;
export const getAccessHistory = access.getAccessHistory.serve;
export const findAddressSharers = access.findAddressSharers.serve;
