"use server";
import { getStaff } from "@/lib/auth";
import { bulkResendProgressHandler, startBulkResendHandler, summarizeBulkResendHandler } from "./handlers/bulk";

export async function summarizeBulkResend(input: unknown) {
  return summarizeBulkResendHandler(await getStaff(), input);
}

export async function startBulkResend(input: unknown) {
  return startBulkResendHandler(await getStaff(), input);
}

export async function getBulkResendProgress(input: unknown) {
  return bulkResendProgressHandler(await getStaff(), input);
}
