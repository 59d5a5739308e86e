"use server";
import { getStaff } from "@/lib/auth";
import { bulkResendProgressHandler, startBulkResendHandler, summarizeBulkResendHandler } from "./handlers/bulk";

export async function summarizeBulkResend(input: unknown) {
  return summarizeBulkResendHandler(getStaff, input);
}

export async function startBulkResend(input: unknown) {
  return startBulkResendHandler(getStaff, input);
}

export async function getBulkResendProgress(input: unknown) {
  return bulkResendProgressHandler(getStaff, input);
}
