// When an automatic reminder is due, and whether a school's sending window is open. Pure: the job
// (lib/jobs/reminders.ts) reads the facts in bulk and asks these functions; docs/decisions/014 says why.
//
// The rules, for one access still waiting for its password (invited or expired):
// - A cycle starts with each invitation by staff: the latest « enabled » or « link_sent » event
//   (« Renvoyer l'email d'activation » starts a new one). Reminders are counted per cycle.
// - « after »: once N days (24-hour periods) have passed since the last link of the cycle was sent
//   (the invitation's, or a newer one the person asked for or staff sent with « Relancer »), if no
//   automatic reminder was sent yet in the cycle. Key "after:<invitation time>": once per cycle.
// - « expiry »: from M days before the current link expires until it expires. Key "expiry:<link id>":
//   once per link. M = 0 means no such reminder; a link already expired is the « after » rule's; a
//   link whose whole life is within its last M days (M as long as the links' validity) brings none.
// - Never more than K automatic reminders in a cycle (K = 0: none).
// - No current link (it was revoked by an address change and staff have not sent a new one): nothing
//   is due; the next staff invitation starts a new cycle.
// - A due date passed by more than CATCH_UP_DAYS is dropped (reminders were off, no worker ran):
//   switching reminders on does not write to everyone invited months ago; « Relancer » does that.
// - Sent only inside the school's window [start, end) in its time zone; a due date outside it waits.

const DAY_MS = 24 * 3600_000;

/** How long after its due date an « after » reminder may still go: a night outside the window, a restart. */
export const CATCH_UP_DAYS = 2;

export type ReminderSettings = {
  /** N: days after the last link of the cycle before the first reminder. */
  afterDays: number;
  /** M: days before the current link expires for another reminder; 0: none. */
  beforeExpiryDays: number;
  /** K: automatic reminders at most in a cycle. */
  maxCount: number;
  /** The sending window, minutes after midnight in `timeZone`, end excluded. */
  windowStart: number;
  windowEnd: number;
  timeZone: string;
};

export type ReminderFacts = {
  /** When staff last invited the person (the cycle's start); null if never. */
  invitedAt: Date | null;
  /** The link still usable or last sent (unused, not revoked); null when there is none. */
  link: { id: string; createdAt: Date; expiresAt: Date } | null;
  /** Automatic reminders already sent since `invitedAt`. */
  remindersSent: number;
};

export type DueReminder = { rule: "after" | "expiry"; dueKey: string; dueAt: Date };

/** The reminder due for these facts at `now`, or null. */
export function dueReminder(settings: ReminderSettings, facts: ReminderFacts, now: Date): DueReminder | null {
  const { invitedAt, link, remindersSent } = facts;
  if (!invitedAt || !link || remindersSent >= settings.maxCount) return null;
  const at = now.getTime();
  if (remindersSent === 0) {
    const dueAt = Math.max(invitedAt.getTime(), link.createdAt.getTime()) + settings.afterDays * DAY_MS;
    if (at >= dueAt && at < dueAt + CATCH_UP_DAYS * DAY_MS)
      return { rule: "after", dueKey: `after:${invitedAt.toISOString()}`, dueAt: new Date(dueAt) };
  }
  if (settings.beforeExpiryDays > 0) {
    const dueAt = link.expiresAt.getTime() - settings.beforeExpiryDays * DAY_MS;
    // A link whose whole life is within its last M days (M too long for the links' validity) brings none.
    if (at >= dueAt && at < link.expiresAt.getTime() && dueAt > link.createdAt.getTime())
      return { rule: "expiry", dueKey: `expiry:${link.id}`, dueAt: new Date(dueAt) };
  }
  return null;
}

/**
 * The expiry times (PortalAccess.linkExpiresAt) of the current links that may make a reminder due at
 * `now`, as ranges the candidate queries walk on the index. Built on a link's expiry being its
 * creation plus `linkTtlMs`; the rules above decide for each candidate.
 */
export function candidateExpiryRanges(settings: ReminderSettings, now: Date, linkTtlMs: number): { from: Date; to: Date }[] {
  if (settings.maxCount <= 0) return [];
  const at = now.getTime();
  const after = {
    from: new Date(at - (settings.afterDays + CATCH_UP_DAYS) * DAY_MS + linkTtlMs),
    to: new Date(at - settings.afterDays * DAY_MS + linkTtlMs),
  };
  if (settings.beforeExpiryDays <= 0) return [after];
  const expiry = { from: new Date(at + 1), to: new Date(at + settings.beforeExpiryDays * DAY_MS) };
  // Overlapping ranges are walked as one, so a candidate is not read twice.
  if (expiry.from <= after.to && after.from <= expiry.to) {
    return [{ from: after.from < expiry.from ? after.from : expiry.from, to: after.to > expiry.to ? after.to : expiry.to }];
  }
  return [after, expiry];
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** Minutes after midnight on the wall clock of `timeZone` at `now` (daylight saving time included). */
export function minutesOfDay(timeZone: string, now: Date): number {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    clocks.set(timeZone, clock);
  }
  const parts = clock.formatToParts(now);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value("hour") * 60 + value("minute");
}

/** Whether `now` is inside the school's sending window (start included, end excluded). */
export function isInSendingWindow(settings: Pick<ReminderSettings, "windowStart" | "windowEnd" | "timeZone">, now: Date): boolean {
  const minutes = minutesOfDay(settings.timeZone, now);
  return minutes >= settings.windowStart && minutes < settings.windowEnd;
}
