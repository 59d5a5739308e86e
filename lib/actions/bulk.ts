"use server";
import * as bulk from "./handlers/bulk";

export const summarizeBulkSend = bulk.summarizeBulkSend.serve;
export const startBulkSend = bulk.startBulkSend.serve;
export const startBulkReminder = bulk.startBulkReminder.serve;
export const previewBulkReminder = bulk.previewBulkReminder.serve;
export const getBulkProgress = bulk.getBulkProgress.serve;
