import "server-only";
import * as settings from "@/lib/data/school-settings";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { RIGHTS } from "@/lib/rights";
import { SCHOOL_SETTINGS_PATH } from "@/lib/routes";
import { ZSchoolSettings } from "@/lib/validation/school-settings";
import { orNotFound, staffAction } from "../pipeline";

/**
 * « Enregistrer » on « Paramètres des établissements »: a school's contact address and automatic
 * reminders, for staff with « Gérer les relances »; a school they do not see is "not found".
 */
export const updateSchoolSettings = staffAction(RIGHTS.manageReminders, {
  name: "updateSchoolSettings",
  schema: ZSchoolSettings,
  revalidate: { path: SCHOOL_SETTINGS_PATH },
  handler: async (input, { staff }) => {
    // A reminder « M days before the link expires » must fall inside a link's life, or each reminder's
    // new link would be due for the next one at once.
    if (input.reminderBeforeExpiryDays * 24 >= getEnv().ACTIVATION_LINK_TTL_HOURS) {
      throw AppError.invalidInput({ reminderBeforeExpiryDays: ["settings.beforeExpiryTooLong"] });
    }
    return orNotFound(await settings.updateSchoolSettings(staff, input));
  },
});
