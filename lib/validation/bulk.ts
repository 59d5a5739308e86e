import { z } from "zod";
import { ZId } from "./ids";
import { ZStudentListCriteria } from "./students";

export const MAX_BULK_STUDENTS = 10_000;

/** What a bulk resend targets: rows ticked in the list, or every student matching its search and filters. */
export const ZBulkSelection = z.union([
  z.object({ studentIds: z.array(ZId).min(1).max(MAX_BULK_STUDENTS) }).strict(),
  z.object({ query: ZStudentListCriteria }).strict(),
]);
export type TBulkSelection = z.infer<typeof ZBulkSelection>;

export const ZBulkSelectionInput = z.object({
  selection: ZBulkSelection,
  /** Whether people who already chose a password are sent a link too; staff tick it, off otherwise. */
  includeWithPassword: z.boolean().default(false),
});
export type TBulkOptions = { includeWithPassword: boolean };

/** Who a reminder run writes to, for each selected student: the student, their parents, or both. */
export const BULK_AUDIENCES = ["students", "guardians", "both"] as const;
export type TBulkAudience = (typeof BULK_AUDIENCES)[number];

/** « Relancer » from the list: the same selection, and who is reminded. */
export const ZBulkReminderInput = z.object({
  selection: ZBulkSelection,
  audience: z.enum(BULK_AUDIENCES),
});
export type TBulkReminderInput = z.infer<typeof ZBulkReminderInput>;
/** The count shown in « Relancer » before the run starts: the selection alone. */
export const ZBulkReminderPreviewInput = ZBulkReminderInput.pick({ selection: true });
export const ZBulkProgressInput = z.object({ bulkSendId: ZId });
