"use server";
import * as locale from "./handlers/locale";

/** A form's action: the page is rendered again in the chosen language, so it answers nothing. */
export const chooseLocale = async (form: FormData) => void (await locale.chooseLocale.serve({ locale: form.get("locale") }));
