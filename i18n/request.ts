// next-intl without locale routing: the URLs stay the same in every language; each request's
// language is the signed-in staff member's, or the one chosen in the browser, and its clock the staff
// member's schools' (lib/i18n/request-locale.ts).
import { getRequestConfig } from "next-intl/server";
import { requestLocale, requestTimeZone } from "@/lib/i18n/request-locale";

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return {
    locale,
    timeZone: await requestTimeZone(),
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
