// The time zones « Paramètres des établissements » offers: each one a clock the runtime knows, with a
// name in both catalogs, so the list never shows an identifier or offers a clock the server refuses.
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { isKnownTimeZone, SCHOOL_TIME_ZONES } from "@/lib/i18n/time-zones";

const offered = Object.entries(SCHOOL_TIME_ZONES).flatMap(([group, zones]) =>
  Object.entries(zones).map(([timeZone, name]) => ({ group, timeZone, name })),
);

it.each(offered)("offers $timeZone, a clock the runtime knows, named in French and English", ({ group, timeZone, name }) => {
  expect(isKnownTimeZone(timeZone)).toBe(true);
  for (const catalog of [fr, en]) {
    expect(catalog.schoolSettings.timeZones).toHaveProperty(name);
    expect(catalog.schoolSettings.timeZoneGroups).toHaveProperty(group);
  }
});

it("offers each clock once, under one name", () => {
  expect(new Set(offered.map((zone) => zone.timeZone)).size).toBe(offered.length);
  expect(new Set(offered.map((zone) => zone.name)).size).toBe(offered.length);
  for (const catalog of [fr, en])
    expect(Object.keys(catalog.schoolSettings.timeZones).sort()).toEqual(offered.map((zone) => zone.name).sort());
});

it("knows every clock the runtime reads, older spellings included, and no other", () => {
  for (const known of ["Europe/Paris", "UTC", "Etc/UTC", "Asia/Kolkata", "America/Montreal"])
    expect([known, isKnownTimeZone(known)]).toEqual([known, true]);
  for (const unknown of ["Mars/Olympus_Mons", "", "Paris", "+01:00"]) expect([unknown, isKnownTimeZone(unknown)]).toEqual([unknown, false]);
});
