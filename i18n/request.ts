// next-intl without locale routing: the staff app is French today; adding a locale means adding
// messages/<locale>.json and choosing it here (e.g. from a user preference).
import { getRequestConfig } from "next-intl/server";

export const DEFAULT_LOCALE = "fr";

export default getRequestConfig(async () => ({
  locale: DEFAULT_LOCALE,
  timeZone: "Europe/Paris",
  messages: (await import(`../messages/${DEFAULT_LOCALE}.json`)).default,
}));
