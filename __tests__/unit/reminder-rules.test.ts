import {
  candidateExpiryRanges,
  dueReminder,
  isInSendingWindow,
  minutesOfDay,
  type ReminderFacts,
  type ReminderSettings,
} from "@/lib/reminders/rules";

const DAY = 24 * 3600_000;
const TTL = 7 * DAY;
const settings: ReminderSettings = {
  afterDays: 3,
  beforeExpiryDays: 1,
  maxCount: 2,
  windowStart: 480,
  windowEnd: 1200,
  timeZone: "Europe/Paris",
};
const invitedAt = new Date("2026-11-02T09:00:00Z");
const link = { id: "link1", createdAt: invitedAt, expiresAt: new Date(invitedAt.getTime() + TTL) };
const facts: ReminderFacts = { invitedAt, link, remindersSent: 0 };
const at = (days: number, base = invitedAt) => new Date(base.getTime() + days * DAY);

describe("dueReminder", () => {
  it("is not due before N days, then due once N days have passed, keyed by the invitation", () => {
    expect(dueReminder(settings, facts, at(3 - 1 / 1440))).toBeNull();
    expect(dueReminder(settings, facts, at(3))).toEqual({ rule: "after", dueKey: "after:2026-11-02T09:00:00.000Z", dueAt: at(3) });
    expect(dueReminder({ ...settings, afterDays: 5 }, facts, at(4))).toBeNull();
  });

  it("counts N days from a newer link of the cycle (asked for by the person, or a staff « Relancer »)", () => {
    const newer = { id: "link2", createdAt: at(2), expiresAt: at(9) };
    expect(dueReminder(settings, { ...facts, link: newer }, at(4))).toBeNull();
    expect(dueReminder(settings, { ...facts, link: newer }, at(5))).toMatchObject({
      rule: "after",
      dueKey: "after:2026-11-02T09:00:00.000Z",
    });
  });

  it("drops an « after » due date passed by more than the catch-up days", () => {
    expect(dueReminder(settings, facts, at(4.9))).toMatchObject({ rule: "after" });
    // Day 5: the link (7 days) has not reached its last day yet, so nothing at all.
    expect(dueReminder(settings, facts, at(5))).toBeNull();
  });

  it("is due M days before the link expires, once per link, until it expires", () => {
    const reminded = { invitedAt, link: { id: "link2", createdAt: at(3), expiresAt: at(10) }, remindersSent: 1 };
    expect(dueReminder(settings, reminded, at(9 - 1 / 1440))).toBeNull();
    expect(dueReminder(settings, reminded, at(9))).toEqual({ rule: "expiry", dueKey: "expiry:link2", dueAt: at(9) });
    expect(dueReminder(settings, reminded, at(10))).toBeNull();
  });

  it("sends no expiry reminder when M is 0", () => {
    const reminded = { invitedAt, link: { id: "link2", createdAt: at(3), expiresAt: at(10) }, remindersSent: 1 };
    expect(dueReminder({ ...settings, beforeExpiryDays: 0 }, reminded, at(9.99))).toBeNull();
  });

  it("sends no expiry reminder for a link whose whole life is within its last M days", () => {
    const reminded = { invitedAt, link: { id: "link2", createdAt: at(3), expiresAt: at(10) }, remindersSent: 1 };
    expect(dueReminder({ ...settings, beforeExpiryDays: 7 }, reminded, at(3.5))).toBeNull();
    expect(dueReminder({ ...settings, beforeExpiryDays: 6 }, reminded, at(4.5))).toMatchObject({ rule: "expiry" });
  });

  it("never sends more than K in a cycle", () => {
    const reminded = { invitedAt, link: { id: "link2", createdAt: at(3), expiresAt: at(10) }, remindersSent: 2 };
    expect(dueReminder(settings, reminded, at(9.5))).toBeNull();
    expect(dueReminder({ ...settings, maxCount: 3 }, reminded, at(9.5))).toMatchObject({ rule: "expiry" });
    expect(dueReminder({ ...settings, maxCount: 0 }, facts, at(3))).toBeNull();
  });

  it("starts a new cycle with a new staff invitation: its own « after » key", () => {
    const reinvited = at(20);
    const fresh = { invitedAt: reinvited, link: { id: "link3", createdAt: reinvited, expiresAt: at(7, reinvited) }, remindersSent: 0 };
    expect(dueReminder(settings, fresh, at(3, reinvited))).toMatchObject({ rule: "after", dueKey: `after:${reinvited.toISOString()}` });
  });

  it("sends nothing without an invitation or a current link", () => {
    expect(dueReminder(settings, { ...facts, invitedAt: null }, at(3))).toBeNull();
    expect(dueReminder(settings, { ...facts, link: null }, at(3))).toBeNull();
  });
});

describe("candidateExpiryRanges", () => {
  it("covers every due date of the rules with the link expiries walked on the index", () => {
    const now = at(3);
    const ranges = candidateExpiryRanges(settings, now, TTL);
    const covered = (expiresAt: Date) => ranges.some((range) => range.from <= expiresAt && expiresAt <= range.to);
    expect(covered(link.expiresAt)).toBe(true);
    // A link of the last day is covered by the expiry range.
    expect(covered(at(0.5, now))).toBe(true);
    // A link sent just now (after a reminder) is not.
    expect(covered(at(7, now))).toBe(false);
    expect(candidateExpiryRanges({ ...settings, maxCount: 0 }, now, TTL)).toEqual([]);
  });
});

describe("the sending window", () => {
  it("reads the hour in the school's time zone, start included and end excluded", () => {
    // 07:00 UTC is 08:00 in Paris in winter.
    expect(isInSendingWindow(settings, new Date("2026-11-27T06:59:00Z"))).toBe(false);
    expect(isInSendingWindow(settings, new Date("2026-11-27T07:00:00Z"))).toBe(true);
    expect(isInSendingWindow(settings, new Date("2026-11-27T18:59:00Z"))).toBe(true);
    expect(isInSendingWindow(settings, new Date("2026-11-27T19:00:00Z"))).toBe(false);
    expect(isInSendingWindow({ ...settings, timeZone: "UTC" }, new Date("2026-11-27T07:30:00Z"))).toBe(false);
    expect(isInSendingWindow({ ...settings, timeZone: "UTC" }, new Date("2026-11-27T19:30:00Z"))).toBe(true);
  });

  it("follows daylight saving time: 8:00 in Paris is 06:00 UTC in summer and 07:00 UTC in winter", () => {
    // Sunday 29 March 2026, 02:00 → 03:00 in Paris.
    expect(minutesOfDay("Europe/Paris", new Date("2026-03-29T00:59:00Z"))).toBe(1 * 60 + 59);
    expect(minutesOfDay("Europe/Paris", new Date("2026-03-29T01:00:00Z"))).toBe(3 * 60);
    expect(isInSendingWindow(settings, new Date("2026-03-29T06:00:00Z"))).toBe(true);
    expect(isInSendingWindow(settings, new Date("2026-03-28T06:00:00Z"))).toBe(false);
    // Sunday 25 October 2026, 03:00 → 02:00 in Paris.
    expect(isInSendingWindow(settings, new Date("2026-10-25T06:30:00Z"))).toBe(false);
    expect(isInSendingWindow(settings, new Date("2026-10-25T07:00:00Z"))).toBe(true);
    expect(isInSendingWindow(settings, new Date("2026-10-24T06:30:00Z"))).toBe(true);
  });

  it("reads midnight as 0, not 24", () => {
    expect(minutesOfDay("Europe/Paris", new Date("2026-11-26T23:00:00Z"))).toBe(0);
  });
});
