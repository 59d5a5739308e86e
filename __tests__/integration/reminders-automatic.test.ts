/** @jest-environment node */
// « Relances automatiques » as the worker runs them: each rule against the real database (SQLite and
// PostgreSQL), the email as received over real SMTP, and exactly once with two worker processes.
import { spawn } from "node:child_process";
import path from "node:path";
import { disableAccess } from "@/lib/data/access/disable-access";
import { resendActivation } from "@/lib/data/access/resend-activation";
import { getDb } from "@/lib/db";
import { runAutomaticReminders, type ReminderRunResult } from "@/lib/jobs/reminders";
import { processOutbox } from "@/lib/mail/outbox";
import { RIGHTS } from "@/lib/rights";
import { activationTokenIn, captureMail } from "../factories/mail";
import { createStaff, createStudent, createWorld, type World } from "../factories/school";

const DAY = 24 * 3600_000;
const mail = captureMail();
const CONTACT = "vie-scolaire@relances.test";
let world: World;
let staff: Awaited<ReturnType<typeof createStaff>>;

// Each test has its own schools and turns reminders on for those it needs; none stays on for the next one.
beforeEach(async () => {
  world = await createWorld();
  staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
});

afterEach(async () => {
  await getDb().school.updateMany({ data: { autoRemindersEnabled: false } });
});

type Settings = Partial<{
  reminderAfterDays: number;
  reminderBeforeExpiryDays: number;
  reminderMaxCount: number;
  reminderWindowStart: number;
  reminderWindowEnd: number;
  timeZone: string;
}>;

/** Reminders on for school A (whole day window unless given), with its contact address. */
async function turnOn(settings: Settings = {}, school: 0 | 1 = 0) {
  await getDb().school.update({
    where: { id: world.schools[school].school.id },
    data: { autoRemindersEnabled: true, contactEmail: CONTACT, reminderWindowStart: 0, reminderWindowEnd: 1440, ...settings },
  });
}

let counter = 0;
/** A student invited by staff just now; their address is unique. */
async function invitedStudent(school: 0 | 1 = 0) {
  counter += 1;
  const email = `relance-${counter}-${Date.now()}@eleves.test`;
  const student = await createStudent(world, { firstName: "Rémi", lastName: `Relance${counter}`, email, school });
  expect(await resendActivation(staff, { studentId: student.id }, { copyToStaff: false })).toMatchObject({ ok: true });
  const access = await getDb().portalAccess.findUniqueOrThrow({ where: { studentId: student.id } });
  return { student, email, access, invitedAt: new Date() };
}

const remindersOf = (accessId: string) => getDb().accessEvent.findMany({ where: { accessId, type: "reminder_sent" } });
const later = (base: Date, days: number) => new Date(base.getTime() + days * DAY);

it("sends nothing while automatic reminders are off (the default)", async () => {
  const { access, invitedAt } = await invitedStudent();
  expect(await getDb().school.findUniqueOrThrow({ where: { id: world.schools[0].school.id } })).toMatchObject({
    autoRemindersEnabled: false,
  });
  expect(await runAutomaticReminders({ now: later(invitedAt, 3.1) })).toEqual({ queued: 0, alreadySent: 0, refused: 0 });
  expect(await remindersOf(access.id)).toHaveLength(0);
});

it("after N days without activation sends one reminder with a fresh link, as an automatic reminder run, once", async () => {
  await turnOn();
  const { access, email, invitedAt } = await invitedStudent();
  const firstLink = await getDb().activationLink.findFirstOrThrow({ where: { accessId: access.id } });
  expect(await runAutomaticReminders({ now: later(invitedAt, 2.9) })).toEqual({ queued: 0, alreadySent: 0, refused: 0 });

  const now = later(invitedAt, 3.01);
  expect(await runAutomaticReminders({ now })).toEqual({ queued: 1, alreadySent: 0, refused: 0 });
  const [event] = await remindersOf(access.id);
  expect(event).toMatchObject({ actorId: null, email });
  expect(await getDb().activationLink.findUniqueOrThrow({ where: { id: firstLink.id } })).toMatchObject({ revokedReason: "newer_link" });
  const fresh = await getDb().activationLink.findFirstOrThrow({ where: { accessId: access.id, revokedAt: null } });
  expect(fresh.id).not.toBe(firstLink.id);
  expect(await getDb().reminderDue.findMany({ where: { accessId: access.id } })).toEqual([
    { accessId: access.id, dueKey: expect.stringMatching(/^after:/), sentAt: now },
  ]);
  const run = await getDb().bulkSend.findFirstOrThrow({
    where: { schoolId: world.schools[0].school.id, kind: "auto_reminder" },
    include: { items: true },
  });
  expect(run).toMatchObject({ createdById: null, audience: "both", status: "queued", total: 1 });
  expect(run.items).toEqual([expect.objectContaining({ studentId: access.studentId, outcome: "queued" })]);

  // The email as received: the reminder's words, the new link, the school's address for replies.
  const before = mail.smtp.emails.length;
  await processOutbox(mail.transport, { limit: 50 });
  // The invitation, still queued, leaves too; its link no longer works.
  const received = mail.smtp.emails.slice(before).filter((message) => message.to.includes(email) && message.subject.startsWith("Rappel"));
  expect(received).toHaveLength(1);
  expect(received[0].subject).toMatch(/^Rappel : activez votre accès à l'espace étudiant/);
  expect(received[0].replyTo).toBe(CONTACT);
  expect(activationTokenIn(received[0].text)).not.toBeNull();

  // The next ticks find nothing more to send for this due date.
  expect(await runAutomaticReminders({ now })).toEqual({ queued: 0, alreadySent: 0, refused: 0 });
  expect(await runAutomaticReminders({ now: later(now, 1) })).toEqual({ queued: 0, alreadySent: 0, refused: 0 });
  expect(await remindersOf(access.id)).toHaveLength(1);
});

it("sends another reminder M days before the reminder's link expires, then stops at K", async () => {
  await turnOn({ reminderBeforeExpiryDays: 2, reminderMaxCount: 2 });
  const { access, invitedAt } = await invitedStudent();
  const first = later(invitedAt, 3.01);
  expect((await runAutomaticReminders({ now: first })).queued).toBe(1);
  const link = await getDb().activationLink.findFirstOrThrow({ where: { accessId: access.id, revokedAt: null } });
  expect(await runAutomaticReminders({ now: later(link.expiresAt, -2.01) })).toMatchObject({ queued: 0 });
  expect(await runAutomaticReminders({ now: later(link.expiresAt, -1.99) })).toMatchObject({ queued: 1 });
  expect(await getDb().reminderDue.findMany({ where: { accessId: access.id }, orderBy: { sentAt: "asc" } })).toEqual([
    expect.objectContaining({ dueKey: expect.stringMatching(/^after:/) }),
    expect.objectContaining({ dueKey: `expiry:${link.id}` }),
  ]);
  // Two reminders in this invitation's cycle: the third link's last days bring none.
  const third = await getDb().activationLink.findFirstOrThrow({ where: { accessId: access.id, revokedAt: null } });
  expect(await runAutomaticReminders({ now: later(third.expiresAt, -1) })).toMatchObject({ queued: 0 });
  expect(await remindersOf(access.id)).toHaveLength(2);
});

it("stops at one reminder when K is 1, and a new staff invitation starts a new cycle", async () => {
  await turnOn({ reminderMaxCount: 1 });
  const { student, access, invitedAt } = await invitedStudent();
  expect((await runAutomaticReminders({ now: later(invitedAt, 3.01) })).queued).toBe(1);
  const link = await getDb().activationLink.findFirstOrThrow({ where: { accessId: access.id, revokedAt: null } });
  expect((await runAutomaticReminders({ now: later(link.expiresAt, -0.5) })).queued).toBe(0);

  // The job ran at a `now` days ahead: put that reminder back in the past, before the new invitation.
  await getDb().reminderDue.updateMany({ where: { accessId: access.id }, data: { sentAt: later(new Date(), -1) } });
  // « Renvoyer l'email d'activation »: reminders start again from this invitation.
  expect(await resendActivation(staff, { studentId: student.id }, { copyToStaff: false })).toMatchObject({ ok: true });
  expect((await runAutomaticReminders({ now: later(new Date(), 3.01) })).queued).toBe(1);
  expect(await remindersOf(access.id)).toHaveLength(2);
});

it("sends nothing outside the school's sending window, and sends when it opens", async () => {
  const { access, invitedAt } = await invitedStudent();
  const now = later(invitedAt, 3.01);
  const hour = now.getUTCHours();
  const start = ((hour + 2) % 24) * 60;
  await turnOn({ timeZone: "UTC", reminderWindowStart: start, reminderWindowEnd: start + 60 });
  expect(await runAutomaticReminders({ now })).toMatchObject({ queued: 0 });
  expect(await remindersOf(access.id)).toHaveLength(0);
  const opened = new Date(now.getTime() + 2 * 3600_000 - (now.getTime() % 3600_000));
  expect(await runAutomaticReminders({ now: opened })).toMatchObject({ queued: 1 });
});

it("leaves out people who are active, disabled or never enabled, and other schools' people", async () => {
  await turnOn();
  const active = await invitedStudent();
  await getDb().portalAccess.update({
    where: { id: active.access.id },
    data: { passwordHash: "$argon2id$chosen", activatedAt: new Date() },
  });
  const disabled = await invitedStudent();
  expect(await disableAccess(staff, { studentId: disabled.student.id })).toMatchObject({ ok: true });
  const never = await createStudent(world, { firstName: "Jamais", lastName: "Activé" });
  const elsewhere = await invitedStudent(1);
  expect(await runAutomaticReminders({ now: later(new Date(), 3.01) })).toEqual({ queued: 0, alreadySent: 0, refused: 0 });
  for (const { access } of [active, disabled, elsewhere]) expect(await remindersOf(access.id)).toHaveLength(0);
  expect(await getDb().portalAccess.findUnique({ where: { studentId: never.id } })).toBeNull();
});

/** Two ticks of two people each: the first reads the two who are refused, the next goes on to `accessId`. */
async function expectWalkPastTwoRefused(now: Date, accessId: string) {
  expect(await runAutomaticReminders({ now, maxPeople: 2 })).toEqual({ queued: 0, alreadySent: 0, refused: 2 });
  expect(await runAutomaticReminders({ now, maxPeople: 2 })).toEqual({ queued: 1, alreadySent: 0, refused: 0 });
  expect(await remindersOf(accessId)).toHaveLength(1);
}

it("goes on from where the last tick stopped, so people who cannot be reminded never hold back the others", async () => {
  await turnOn();
  const unreachable = [await invitedStudent(), await invitedStudent()];
  // Their addresses broke after the invitation (a bad import): sendReminder refuses them.
  for (const { student } of unreachable) await getDb().student.update({ where: { id: student.id }, data: { email: "pas-une-adresse" } });
  const reachable = await invitedStudent();
  await expectWalkPastTwoRefused(later(reachable.invitedAt, 3.01), reachable.access.id);
});

it("walks past people whose links expire at the same instant (a bulk send) without skipping or repeating any", async () => {
  await turnOn();
  const invited = [await invitedStudent(), await invitedStudent(), await invitedStudent()];
  const expiresAt = invited[2].access.linkExpiresAt!;
  await getDb().portalAccess.updateMany({
    where: { id: { in: invited.map(({ access }) => access.id) } },
    data: { linkExpiresAt: expiresAt },
  });
  // The walk's order within one instant is the student id: the first two cannot be reminded.
  const [first, second, third] = [...invited].sort((a, b) => (a.student.id < b.student.id ? -1 : 1));
  for (const { student } of [first, second])
    await getDb().student.update({ where: { id: student.id }, data: { email: "pas-une-adresse" } });
  await expectWalkPastTwoRefused(later(third.invitedAt, 3.01), third.access.id);
});

it("walks parents whose links expire at the same instant the same way", async () => {
  await turnOn();
  const parents = [];
  for (let index = 0; index < 3; index += 1) {
    const child = await createStudent(world, {
      firstName: "Enfant",
      lastName: `Lien${index}`,
      guardians: [{ firstName: "Parent", lastName: `Lien${index}` }],
    });
    const { guardianId } = await getDb().studentGuardian.findFirstOrThrow({ where: { studentId: child.id } });
    expect(await resendActivation(staff, { studentId: child.id, guardianId }, { copyToStaff: false })).toMatchObject({ ok: true });
    parents.push({ guardianId, access: await getDb().portalAccess.findUniqueOrThrow({ where: { guardianId } }) });
  }
  const ids = parents.map(({ access }) => access.id);
  await getDb().portalAccess.updateMany({ where: { id: { in: ids } }, data: { linkExpiresAt: parents[2].access.linkExpiresAt } });
  // The parents' walk orders one instant by access id: the first two cannot be reminded.
  const [first, second, third] = [...parents].sort((a, b) => (a.access.id < b.access.id ? -1 : 1));
  for (const { guardianId } of [first, second])
    await getDb().guardian.update({ where: { id: guardianId }, data: { email: "pas-une-adresse" } });
  await expectWalkPastTwoRefused(later(new Date(), 3.01), third.access.id);
});

it("reminds a parent of children in two schools once, naming both children", async () => {
  await turnOn({}, 0);
  await turnOn({}, 1);
  const parentEmail = `parent-deux-ecoles-${Date.now()}@famille.test`;
  const elder = await createStudent(world, {
    firstName: "Aînée",
    lastName: "Famille",
    guardians: [{ firstName: "Paule", lastName: "Famille", email: parentEmail }],
  });
  const guardianId = (await getDb().studentGuardian.findFirstOrThrow({ where: { studentId: elder.id } })).guardianId;
  const younger = await createStudent(world, {
    firstName: "Cadet",
    lastName: "Famille",
    school: 1,
    guardians: [{ firstName: "Paule", lastName: "Famille", id: guardianId }],
  });
  expect(await resendActivation(staff, { studentId: younger.id, guardianId }, { copyToStaff: false })).toMatchObject({ ok: true });
  const access = await getDb().portalAccess.findUniqueOrThrow({ where: { guardianId } });

  expect(await runAutomaticReminders({ now: later(new Date(), 3.01) })).toMatchObject({ queued: 1, alreadySent: 0 });
  expect(await remindersOf(access.id)).toHaveLength(1);
  const item = await getDb().bulkSendItem.findFirstOrThrow({ where: { guardianId }, include: { bulkSend: true } });
  expect(item).toMatchObject({ personKey: `g:${guardianId}`, outcome: "queued", bulkSend: { kind: "auto_reminder" } });
  expect([elder.id, younger.id]).toContain(item.studentId);

  const before = mail.smtp.emails.length;
  await processOutbox(mail.transport, { limit: 50 });
  const [email] = mail.smtp.emails.slice(before).filter((message) => message.to.includes(parentEmail));
  expect(email.text).toContain("Aînée Famille");
  expect(email.text).toContain("Cadet Famille");
});

/** Runs the job in a separate process (its own database connections), all starting at `startAt`. */
function workerProcess(now: Date, startAt: number): Promise<ReminderRunResult> {
  const root = process.cwd();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(root, "node_modules", "tsx", "dist", "cli.mjs"),
        "__tests__/setup/reminders-worker.ts",
        now.toISOString(),
        String(startAt),
      ],
      {
        cwd: root,
        env: process.env,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`worker exited with ${code}: ${err}`)),
    );
  });
}

it("sends each due reminder exactly once when two workers run at the same time on one database", async () => {
  await turnOn();
  const invited = [];
  for (let index = 0; index < 12; index += 1) invited.push(await invitedStudent());
  const now = later(new Date(), 3.01);
  const startAt = Date.now() + 4000;
  const results = await Promise.all([workerProcess(now, startAt), workerProcess(now, startAt)]);

  expect(results[0].queued + results[1].queued).toBe(12);
  expect(results[0].refused + results[1].refused).toBe(0);
  for (const { access, email } of invited) {
    expect(await remindersOf(access.id)).toHaveLength(1);
    expect(await getDb().reminderDue.count({ where: { accessId: access.id } })).toBe(1);
    expect(await getDb().outboxMessage.count({ where: { toAddress: email, subject: { startsWith: "Rappel" } } })).toBe(1);
    expect(await getDb().activationLink.count({ where: { accessId: access.id, revokedAt: null } })).toBe(1);
  }
  // Each worker's run names only what it sent; a worker that sent nothing leaves no empty run.
  const runs = await getDb().bulkSend.findMany({
    where: { kind: "auto_reminder", createdAt: now },
    include: { _count: { select: { items: true } } },
  });
  expect(runs.reduce((sum, run) => sum + run._count.items, 0)).toBe(12);
  for (const run of runs) expect(run.total).toBe(run._count.items);
}, 60_000);
