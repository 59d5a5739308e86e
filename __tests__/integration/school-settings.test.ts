/** @jest-environment node */
// « Paramètres des établissements »: the action that saves a school's contact address, clock and
// automatic reminders, its checks (values, « Gérer les relances », the staff member's schools) and what it stores.
import { updateSchoolSettings } from "@/lib/actions/handlers/school-settings";
import { listSchoolSettings } from "@/lib/data/school-settings";
import { getDb } from "@/lib/db";
import { RIGHTS } from "@/lib/rights";
import { createStaff, createWorld, type World } from "../factories/school";

let world: World;
let manager: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  world = await createWorld();
  manager = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.manageReminders] });
});

const schoolOf = (index: 0 | 1) => getDb().school.findUniqueOrThrow({ where: { id: world.schools[index].school.id } });

function input(index: 0 | 1, values: Record<string, unknown> = {}) {
  return {
    schoolId: world.schools[index].school.id,
    contactEmail: "  Secretariat@Lycee.test ",
    timeZone: "Europe/Paris",
    autoRemindersEnabled: true,
    reminderAfterDays: 4,
    reminderBeforeExpiryDays: 2,
    reminderMaxCount: 3,
    windowStartHour: 9,
    windowEndHour: 18,
    ...values,
  };
}

it("lists the schools with their defaults: reminders off, 3 days, 1 day, 2 at most, 8 h to 20 h", async () => {
  const schools = await listSchoolSettings(manager);
  expect(schools.map((school) => school.name)).toEqual(world.schools.map(({ school }) => school.name));
  expect(schools[0]).toMatchObject({
    contactEmail: null,
    autoRemindersEnabled: false,
    reminderAfterDays: 3,
    reminderBeforeExpiryDays: 1,
    reminderMaxCount: 2,
    windowStartHour: 8,
    windowEndHour: 20,
    timeZone: "Europe/Paris",
  });
});

it("saves the settings, the window in minutes of the school's clock", async () => {
  const result = await updateSchoolSettings(manager, input(0));
  expect(result).toMatchObject({ ok: true, data: { name: world.schools[0].school.name, autoRemindersEnabled: true, windowStartHour: 9 } });
  expect(await schoolOf(0)).toMatchObject({
    contactEmail: "Secretariat@Lycee.test",
    autoRemindersEnabled: true,
    reminderAfterDays: 4,
    reminderBeforeExpiryDays: 2,
    reminderMaxCount: 3,
    reminderWindowStart: 540,
    reminderWindowEnd: 1080,
  });
  // An empty contact address removes it; 24 h is midnight, the window's end.
  expect(
    await updateSchoolSettings(manager, input(0, { contactEmail: "", autoRemindersEnabled: false, windowStartHour: 0, windowEndHour: 24 })),
  ).toMatchObject({ ok: true });
  expect(await schoolOf(0)).toMatchObject({
    contactEmail: null,
    autoRemindersEnabled: false,
    reminderWindowStart: 0,
    reminderWindowEnd: 1440,
  });
});

it("saves the school's clock, one the list offers or one it keeps from before", async () => {
  expect(await updateSchoolSettings(manager, input(0, { timeZone: "Indian/Reunion" }))).toMatchObject({
    ok: true,
    data: { timeZone: "Indian/Reunion" },
  });
  expect(await schoolOf(0)).toMatchObject({ timeZone: "Indian/Reunion" });
  expect((await listSchoolSettings(manager))[0]).toMatchObject({ timeZone: "Indian/Reunion" });
  // Not in the list, but real clocks, one in an older spelling the runtime's list leaves out: a school
  // set to one saves its other settings with it unchanged.
  for (const kept of ["Asia/Tokyo", "Asia/Kolkata"]) {
    expect(await updateSchoolSettings(manager, input(0, { timeZone: kept }))).toMatchObject({ ok: true });
    expect(await schoolOf(0)).toMatchObject({ timeZone: kept });
  }
  expect(await updateSchoolSettings(manager, input(0))).toMatchObject({ ok: true });
  expect(await schoolOf(0)).toMatchObject({ timeZone: "Europe/Paris" });
});

it.each([
  ["an unknown time zone", { timeZone: "Mars/Olympus_Mons" }, "timeZone", "settings.timeZone"],
  ["a city for a time zone", { timeZone: "Paris" }, "timeZone", "settings.timeZone"],
  ["no time zone", { timeZone: undefined }, "timeZone", "settings.timeZone"],
  ["an invalid contact address", { contactEmail: "secretariat@" }, "contactEmail", "invalid_email"],
  ["a first reminder after 0 days", { reminderAfterDays: 0 }, "reminderAfterDays", "settings.reminderAfterDays"],
  ["a first reminder after 31 days", { reminderAfterDays: 31 }, "reminderAfterDays", "settings.reminderAfterDays"],
  ["half a day", { reminderAfterDays: 1.5 }, "reminderAfterDays", "settings.reminderAfterDays"],
  ["an empty number", { reminderMaxCount: Number.NaN }, "reminderMaxCount", "settings.reminderMaxCount"],
  ["15 days before expiry", { reminderBeforeExpiryDays: 15 }, "reminderBeforeExpiryDays", "settings.reminderBeforeExpiryDays"],
  ["11 reminders", { reminderMaxCount: 11 }, "reminderMaxCount", "settings.reminderMaxCount"],
  ["a window ending before it starts", { windowStartHour: 18, windowEndHour: 9 }, "windowEndHour", "settings.windowOrder"],
  ["a window of no time", { windowStartHour: 9, windowEndHour: 9 }, "windowEndHour", "settings.windowOrder"],
  ["a window starting at 24 h", { windowStartHour: 24 }, "windowStartHour", "settings.windowStartHour"],
  // Links last 7 days (ACTIVATION_LINK_TTL_HOURS): a reminder 7 days before expiry would follow each link at once.
  [
    "a reminder as long before expiry as a link lives",
    { reminderBeforeExpiryDays: 7 },
    "reminderBeforeExpiryDays",
    "settings.beforeExpiryTooLong",
  ],
])("refuses %s, field by field, and changes nothing", async (_label, values, field, code) => {
  const before = await schoolOf(1);
  const result = await updateSchoolSettings(manager, input(1, values));
  expect(result).toMatchObject({ ok: false, error: "invalid_input", fieldErrors: { [field]: [code] } });
  expect(await schoolOf(1)).toEqual(before);
});

it("refuses staff without « Gérer les relances », and a visitor not signed in", async () => {
  const teacher = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
  const before = await schoolOf(1);
  expect(await updateSchoolSettings(teacher, input(1))).toEqual({ ok: false, error: "forbidden" });
  expect(await updateSchoolSettings(null, input(1))).toEqual({ ok: false, error: "unauthenticated" });
  expect(await schoolOf(1)).toEqual(before);
});

it("shows and saves only the schools of a staff member restricted to some: another school is not found", async () => {
  const restricted = await createStaff(world, { rights: [RIGHTS.manageReminders], schools: [0] });
  expect((await listSchoolSettings(restricted)).map((school) => school.id)).toEqual([world.schools[0].school.id]);
  const before = await schoolOf(1);
  expect(await updateSchoolSettings(restricted, input(1))).toEqual({ ok: false, error: "not_found" });
  expect(await schoolOf(1)).toEqual(before);
  expect(await updateSchoolSettings(restricted, input(0, { reminderAfterDays: 5 }))).toMatchObject({ ok: true });
  expect(await schoolOf(0)).toMatchObject({ reminderAfterDays: 5 });
});

it("does not reach another organisation's school", async () => {
  const other = await createWorld();
  const before = await getDb().school.findUniqueOrThrow({ where: { id: other.schools[0].school.id } });
  expect(await updateSchoolSettings(manager, { ...input(0), schoolId: other.schools[0].school.id })).toEqual({
    ok: false,
    error: "not_found",
  });
  expect(await getDb().school.findUniqueOrThrow({ where: { id: other.schools[0].school.id } })).toEqual(before);
});
