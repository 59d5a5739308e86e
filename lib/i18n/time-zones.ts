// A school's clock: the hours of its reminders' sending window and the expiry written in its emails.
// « Paramètres des établissements » offers France's time zones, overseas included, and those of the
// French-speaking countries a school group is likeliest to reach; each has a name in the catalogs
// (schoolSettings.timeZones.<name>). The IANA identifier is what School.timeZone stores.

/** A school's clock until set otherwise (School.timeZone's default), and staff's when their schools' differ. */
export const DEFAULT_TIME_ZONE = "Europe/Paris";

/** IANA identifier → its catalog name, by group, in the order the list shows them (metropolitan France first, then by French name). */
export const SCHOOL_TIME_ZONES = {
  france: {
    "Europe/Paris": "paris",
    "America/Guadeloupe": "guadeloupe",
    "America/Cayenne": "cayenne",
    "Indian/Reunion": "reunion",
    "America/Martinique": "martinique",
    "Indian/Mayotte": "mayotte",
    "Pacific/Noumea": "noumea",
    "Pacific/Tahiti": "tahiti",
    "America/Miquelon": "miquelon",
    "Pacific/Wallis": "wallis",
  },
  abroad: {
    "Africa/Algiers": "algiers",
    "Europe/Brussels": "brussels",
    "America/Toronto": "quebec",
    "Africa/Abidjan": "abidjan",
    "Asia/Beirut": "beirut",
    "Europe/Luxembourg": "luxembourg",
    "Africa/Casablanca": "casablanca",
    "Europe/Monaco": "monaco",
    "Africa/Dakar": "dakar",
    "Europe/Zurich": "zurich",
    "Africa/Tunis": "tunis",
  },
} as const;

export type TimeZoneGroup = keyof typeof SCHOOL_TIME_ZONES;

/**
 * Whether the runtime's time zone database knows this IANA name. Any name it reads counts, older
 * spellings included (Asia/Kolkata, Etc/UTC, which Intl.supportedValuesOf leaves out): a school may
 * keep a clock the list does not offer (set before, or by an import), and saving its other settings
 * must not refuse it.
 */
export function isKnownTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value !== "";
  } catch {
    return false;
  }
}
