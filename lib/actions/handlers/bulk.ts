import "server-only";
import { getBulkProgress, summarizeBulkSend } from "@/lib/data/bulk-sends";
import { startBulkSend } from "@/lib/jobs/bulk-sends";
import { failure, success } from "@/lib/errors";
import { RIGHTS } from "@/lib/rights";
import { ZBulkProgressInput, ZBulkSelectionInput } from "@/lib/validation/bulk";
import { defineAction } from "../define-action";

/** The summary shown before a bulk resend: who will receive it, who is skipped and why. */
export const summarizeBulkResendHandler = defineAction(
  { name: "summarizeBulkResend", schema: ZBulkSelectionInput, right: RIGHTS.editStudent },
  async (staff, { selection }) => {
    const summary = await summarizeBulkSend(staff, selection);
    return summary === "too_many" ? failure("too_many") : success(summary);
  },
);

/** Starts a bulk resend and returns at once; the mail worker does the rest. */
export const startBulkResendHandler = defineAction(
  { name: "startBulkResend", schema: ZBulkSelectionInput, right: RIGHTS.editStudent },
  async (staff, { selection }) => {
    const started = await startBulkSend(staff, selection);
    if (started === "too_many") return failure("too_many");
    if (started === "empty") return failure("not_found");
    return success({ bulkSendId: started.id, total: started.total });
  },
);

export const bulkResendProgressHandler = defineAction(
  { name: "bulkResendProgress", schema: ZBulkProgressInput, right: RIGHTS.viewStudent },
  async (staff, { bulkSendId }) => {
    const progress = await getBulkProgress(staff, bulkSendId);
    return progress ? success(progress) : failure("not_found");
  },
);
