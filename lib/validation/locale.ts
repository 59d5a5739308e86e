import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

/** « Français » / « English »: the language switch's choice. */
export const ZChooseLocale = z.object({ locale: z.enum(LOCALES) });
