// The languages Sésame speaks. French is the default everywhere: the interface of a visitor who chose
// nothing, and the emails of a student or parent whose language is not known.

export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "fr";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A stored or received language, French when it is missing or not one Sésame speaks. */
export function toLocale(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** Each language named in itself, as a language switch shows it whatever the page's language. */
export const LOCALE_NAMES: Record<Locale, string> = { fr: "Français", en: "English" };
