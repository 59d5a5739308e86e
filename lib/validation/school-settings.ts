import { z } from "zod";
import { isValidEmail } from "@/lib/access/email-address";
import { isKnownTimeZone } from "@/lib/i18n/time-zones";
import { ZId } from "./ids";

// « Paramètres des établissements »: a school's contact address, clock and automatic reminders. Field
// messages are catalog keys under errors.* (errors.settings.* say the bounds in French).

/** The bounds of each setting, shared by the form's inputs and the server's check. */
export const SCHOOL_SETTINGS_BOUNDS = {
  reminderAfterDays: { min: 1, max: 30 },
  reminderBeforeExpiryDays: { min: 0, max: 14 },
  reminderMaxCount: { min: 0, max: 10 },
  windowStartHour: { min: 0, max: 23 },
  windowEndHour: { min: 1, max: 24 },
} as const;

type Bounded = keyof typeof SCHOOL_SETTINGS_BOUNDS;

function wholeNumber(field: Bounded) {
  const { min, max } = SCHOOL_SETTINGS_BOUNDS[field];
  const message = `settings.${field}`;
  return z.number({ message }).int({ message }).min(min, { message }).max(max, { message });
}

export const ZSchoolSettings = z
  .object({
    schoolId: ZId,
    /** Empty: the school has none (replies go to MAIL_FROM). */
    contactEmail: z
      .string({ message: "invalid_email" })
      .trim()
      .max(254, { message: "invalid_email" })
      .refine((value) => value === "" || isValidEmail(value), { message: "invalid_email" })
      .transform((value) => value || null),
    /** The school's clock, an IANA identifier (lib/i18n/time-zones.ts). */
    timeZone: z
      .string({ message: "settings.timeZone" })
      .max(64, { message: "settings.timeZone" })
      .refine(isKnownTimeZone, { message: "settings.timeZone" }),
    autoRemindersEnabled: z.boolean(),
    reminderAfterDays: wholeNumber("reminderAfterDays"),
    reminderBeforeExpiryDays: wholeNumber("reminderBeforeExpiryDays"),
    reminderMaxCount: wholeNumber("reminderMaxCount"),
    /** The sending window in whole hours of the school's clock, end excluded (24: midnight). */
    windowStartHour: wholeNumber("windowStartHour"),
    windowEndHour: wholeNumber("windowEndHour"),
  })
  .refine((value) => value.windowStartHour < value.windowEndHour, { path: ["windowEndHour"], message: "settings.windowOrder" });

export type TSchoolSettings = z.infer<typeof ZSchoolSettings>;
export type TSchoolSettingsInput = z.input<typeof ZSchoolSettings>;
