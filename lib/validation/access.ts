import { z } from "zod";
import { ZId } from "./ids";

/** A student, or one of their guardians (through the student, whose school decides who may act). */
export const ZPersonRef = z.object({ studentId: ZId, guardianId: ZId.optional() });
export type TPersonRef = z.infer<typeof ZPersonRef>;

export const ZEnableAccess = ZPersonRef;
export const ZDisableAccess = ZPersonRef;
export const ZAccessHistory = ZPersonRef;
export const ZAddressSharers = ZPersonRef;

export const ZResendActivation = ZPersonRef.extend({ copyToStaff: z.boolean().default(false) });
export type TResendActivation = z.infer<typeof ZResendActivation>;

/** Field error messages are catalog keys (errors.*), translated by the form. */
export const ZChangeEmail = ZPersonRef.extend({
  email: z
    .string({ message: "invalid_email" })
    .trim()
    .min(1, { message: "missing_email" })
    .max(254, { message: "invalid_email" })
    .pipe(z.email({ message: "invalid_email" })),
});
export type TChangeEmail = z.infer<typeof ZChangeEmail>;
