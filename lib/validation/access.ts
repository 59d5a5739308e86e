import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { ZEmail } from "./email";
import { ZId } from "./ids";

/** A student, or one of their guardians (through the student, whose school decides who may act). */
export const ZPersonRef = z.object({ studentId: ZId, guardianId: ZId.optional() });
export type TPersonRef = z.infer<typeof ZPersonRef>;

export const ZEnableAccess = ZPersonRef;
export const ZDisableAccess = ZPersonRef;
export const ZAccessHistory = ZPersonRef;
export const ZAddressSharers = ZPersonRef;

export const ZResendActivation = ZPersonRef.extend({ copyToStaff: z.boolean().default(false) });
export const ZSendReminder = ZPersonRef.extend({ copyToStaff: z.boolean().default(false) });

/**
 * « Modifier l'email »: the address and, optionally, the language of the person's emails (left as it
 * is when not sent). Field error messages are catalog keys (errors.*), translated by the form.
 */
export const ZChangeEmail = ZPersonRef.extend({
  email: ZEmail,
  locale: z.enum(LOCALES, { message: "invalid_input" }).optional(),
});
export type TChangeEmail = z.infer<typeof ZChangeEmail>;
