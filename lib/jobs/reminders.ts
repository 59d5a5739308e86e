import "server-only";
import { ReminderAlreadySent, sendReminder } from "@/lib/data/access/send-reminder";
import {
  createReminderRun,
  findGuardianCandidates,
  findReminderSchools,
  findStudentCandidates,
  finishReminderRun,
  readReminderFacts,
  type CandidateCursor,
  type ReminderCandidate,
  type ReminderSchool,
} from "@/lib/data/reminder-candidates";
import { getEnv } from "@/lib/env";
import { logInfo } from "@/lib/log";
import { candidateExpiryRanges, dueReminder, isInSendingWindow } from "@/lib/reminders/rules";

// « Relances automatiques »: the worker (worker.ts) runs this every REMINDERS_INTERVAL_SECONDS. Each
// school with reminders on and inside its sending window gets its due reminders, recorded as one run
// in « Envois ». Exactly once across processes: sendReminder writes the due date's ReminderDue key
// in the email's transaction, and a worker that loses the race gets ReminderAlreadySent.

export type ReminderRunResult = {
  /** Reminders queued by this run. */
  queued: number;
  /** Due, but another worker sent them first. */
  alreadySent: number;
  /** Due, but refused by sendReminder (e.g. the address is now another person's). */
  refused: number;
};

/** How many people a tick reads at most, over all schools: a tick stays short even at the start of a school year. */
export const REMINDERS_PER_TICK = 500;

// Where each walk over a school's candidates stopped: the next tick goes on from there, so people
// who are read but not due (refused, or out of reminders) never hold back those behind them.
const cursors = new Map<string, CandidateCursor | null>();

/** Sends the automatic reminders due at `now`, reading at most `maxPeople` candidates. */
export async function runAutomaticReminders(options: { now?: Date; maxPeople?: number } = {}): Promise<ReminderRunResult> {
  const now = options.now ?? new Date();
  const result: ReminderRunResult = { queued: 0, alreadySent: 0, refused: 0 };
  const schools = await findReminderSchools();
  const schoolIds = schools.map((school) => school.id);
  let budget = options.maxPeople ?? REMINDERS_PER_TICK;
  for (const school of schools) {
    if (budget <= 0) break;
    if (!isInSendingWindow(school.settings, now)) continue;
    const { candidates, read } = await readCandidates(school, schoolIds, now, budget);
    budget -= read;
    await remindSchool(school, candidates, now, result);
  }
  if (result.queued || result.alreadySent || result.refused) {
    logInfo("reminders", `${result.queued} queued, ${result.alreadySent} already sent by another worker, ${result.refused} refused`);
  }
  return result;
}

async function readCandidates(school: ReminderSchool, schoolIds: string[], now: Date, budget: number) {
  const ttlMs = getEnv().ACTIVATION_LINK_TTL_HOURS * 3600_000;
  const candidates: ReminderCandidate[] = [];
  let read = 0;
  for (const [index, range] of candidateExpiryRanges(school.settings, now, ttlMs).entries()) {
    for (const kind of ["students", "guardians"] as const) {
      const limit = budget - read;
      if (limit <= 0) break;
      const key = `${school.id}:${index}:${kind}`;
      const walk = { ...range, after: cursors.get(key) ?? null, limit };
      const page = kind === "students" ? await findStudentCandidates(school, walk) : await findGuardianCandidates(school, schoolIds, walk);
      cursors.set(key, page.next);
      read += page.read;
      candidates.push(...page.candidates);
    }
  }
  return { candidates, read };
}

async function remindSchool(school: ReminderSchool, candidates: ReminderCandidate[], now: Date, result: ReminderRunResult) {
  const facts = await readReminderFacts(candidates.map((candidate) => candidate.accessId));
  const due = candidates.flatMap((candidate) => {
    const reminder = dueReminder(school.settings, facts.get(candidate.accessId)!, now);
    return reminder ? [{ candidate, dueKey: reminder.dueKey }] : [];
  });
  if (!due.length) return;
  const bulkSendId = await createReminderRun(school.id, due.length, now);
  let queued = 0;
  try {
    for (const { candidate, dueKey } of due) {
      try {
        const outcome = await sendReminder(null, candidate.person, { dueKey, bulkSendId, bulkStudentId: candidate.bulkStudentId, now });
        if (outcome.ok) queued += 1;
        else result.refused += 1;
      } catch (error) {
        if (!(error instanceof ReminderAlreadySent)) throw error;
        result.alreadySent += 1;
      }
    }
  } finally {
    result.queued += queued;
    await finishReminderRun(bulkSendId, queued);
  }
}
