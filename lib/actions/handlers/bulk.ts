import "server-only";
import * as bulkSends from "@/lib/data/bulk-sends";
import * as sendHistory from "@/lib/data/send-history";
import * as jobs from "@/lib/jobs/bulk-sends";
import { AppError } from "@/lib/errors";
import { RIGHTS } from "@/lib/rights";
import { ZBulkProgressInput, ZBulkReminderInput, ZBulkReminderPreviewInput, ZBulkSelectionInput } from "@/lib/validation/bulk";
import { orNotFound, staffAction } from "../pipeline";

/** The summary shown before a bulk send: who will receive the email, who is skipped and why. */
export const summarizeBulkSend = staffAction(RIGHTS.editStudent, {
  name: "summarizeBulkSend",
  schema: ZBulkSelectionInput,
  handler: async ({ selection }, { staff }) => withinLimit(await bulkSends.summarizeBulkSend(staff, selection)),
});

/** The count « Relancer » shows before the run: the selected students and their parents waiting for activation. */
export const previewBulkReminder = staffAction(RIGHTS.editStudent, {
  name: "previewBulkReminder",
  schema: ZBulkReminderPreviewInput,
  handler: async ({ selection }, { staff }) => withinLimit(await bulkSends.previewBulkReminder(staff, selection)),
});

function withinLimit<T>(result: T | "too_many"): T {
  if (result === "too_many") throw new AppError("too_many_students");
  return result;
}

/** Starts a bulk send and returns at once; the worker does the rest. */
export const startBulkSend = staffAction(RIGHTS.editStudent, {
  name: "startBulkSend",
  schema: ZBulkSelectionInput,
  handler: async ({ selection, includeWithPassword }, { staff }) =>
    startedAs(await jobs.startBulkSend(staff, selection, { kind: "activation", includeWithPassword })),
});

/**
 * « Relancer » from the list: a reminder run for the selected students, their parents or both, only
 * to those whose invitation is pending or expired (the others are skipped and counted by reason).
 */
export const startBulkReminder = staffAction(RIGHTS.editStudent, {
  name: "startBulkReminder",
  schema: ZBulkReminderInput,
  handler: async ({ selection, audience }, { staff }) =>
    startedAs(await jobs.startBulkSend(staff, selection, { kind: "reminder", audience })),
});

function startedAs(started: Awaited<ReturnType<typeof jobs.startBulkSend>>) {
  if (started === "too_many") throw new AppError("too_many_students");
  if (started === "empty") throw new AppError("not_found");
  return { bulkSendId: started.id, total: started.total };
}

export const getBulkProgress = staffAction(RIGHTS.viewStudent, {
  name: "getBulkProgress",
  schema: ZBulkProgressInput,
  handler: async ({ bulkSendId }, { staff }) => orNotFound(await sendHistory.getBulkProgress(staff, bulkSendId)),
});
