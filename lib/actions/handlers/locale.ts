import "server-only";
import { getStaff } from "@/lib/auth";
import { saveStaffLocale } from "@/lib/data/staff";
import { writeLocaleCookie } from "@/lib/i18n/request-locale";
import { ZChooseLocale } from "@/lib/validation/locale";
import { publicAction } from "../pipeline";

/**
 * The language switch, on every page. The browser remembers the choice (the portal, the sign-in and
 * home pages follow it); a signed-in staff member's account remembers it too, for their other
 * computers and for the copies of emails sent to them. No right: anyone chooses their own language.
 */
export const chooseLocale = publicAction({
  name: "chooseLocale",
  schema: ZChooseLocale,
  handler: async ({ locale }) => {
    const staff = await getStaff();
    if (staff) await saveStaffLocale(staff.id, locale);
    await writeLocaleCookie(locale);
    return { locale };
  },
});
