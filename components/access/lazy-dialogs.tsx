"use client";
// The access dialogs as the pages use them: each one's code loads when it is first opened.
import { loadOnOpen } from "@/components/ui/load-on-open";

export const EnableAccessDialog = loadOnOpen(() => import("./access-dialogs").then((module) => module.EnableAccessDialog));
export const DisableAccessDialog = loadOnOpen(() => import("./access-dialogs").then((module) => module.DisableAccessDialog));
export const ResendActivationDialog = loadOnOpen(() => import("./access-dialogs").then((module) => module.ResendActivationDialog));
export const SendReminderDialog = loadOnOpen(() => import("./access-dialogs").then((module) => module.SendReminderDialog));
export const EditEmailDialog = loadOnOpen(() => import("./edit-email-dialog").then((module) => module.EditEmailDialog));
export const AccessHistoryDialog = loadOnOpen(() => import("./access-history-dialog").then((module) => module.AccessHistoryDialog));
