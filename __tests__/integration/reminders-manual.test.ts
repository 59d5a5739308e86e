/** @jest-environment node */
import { disableAccess, enableAccess, getAccessHistory, sendReminder } from "@/lib/actions/handlers/access";
import { getBulkProgress, previewBulkReminder, startBulkReminder, startBulkSend } from "@/lib/actions/handlers/bulk";
import { describeActivationLink, choosePassword } from "@/lib/data/portal-activation";
import { getBulkReport, listBulkSends } from "@/lib/data/send-history";
import { getDb } from "@/lib/db";
import { prepareBulkSends } from "@/lib/jobs/bulk-sends";
import { processOutbox } from "@/lib/mail/outbox";
import { RIGHTS } from "@/lib/rights";
import type { TBulkAudience } from "@/lib/validation/bulk";
import { activationTokenIn, captureMail, deliverLinkTo } from "../factories/mail";
import { createStaff, createStudent, createWorld, uniqueSuffix, type World } from "../factories/school";

// « Relancer »: one person from their « Plus » menu, or a selection of the list (students, parents or
// both); and « Envois », where reminder runs, automatic ones too, are listed next to activation sends.

let world: World;
const mail = captureMail();
let staff: Awaited<ReturnType<typeof createStaff>>;
const PASSWORD = "cheval agrafe batterie correcte";

beforeAll(async () => {
  world = await createWorld();
  staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
});

const address = (name: string) => `${name.normalize("NFD").replace(/[\u0300-\u036f]/g, "")}-${uniqueSuffix()}@relances.test`;

/** Sends what is queued; what arrived for `to` meanwhile. */
async function deliveredTo(to: string) {
  const before = mail.smtp.emails.length;
  await processOutbox(mail.transport, { limit: 100 });
  return mail.smtp.emails.slice(before).filter((email) => email.to.includes(to));
}

/** A student invited (a link sent and pending), returning the link's token. */
async function invitedStudent(firstName: string, guardians: Parameters<typeof createStudent>[1]["guardians"] = []) {
  const email = address(firstName.toLowerCase());
  const student = await createStudent(world, { firstName, lastName: "Relance", email, guardians });
  await enableAccess(staff, { studentId: student.id });
  return { student, email, token: await deliverLinkTo(mail, email) };
}

async function expire(ref: { studentId: string } | { guardianId: string }) {
  await getDb().portalAccess.update({ where: ref, data: { linkExpiresAt: new Date(Date.now() - 60_000) } });
}

describe("« Relancer » a person", () => {
  it("reminds an invited person with a fresh link that replaces the earlier one, recorded in the history", async () => {
    const { student, email, token } = await invitedStudent("Invitée");
    expect(await sendReminder(staff, { studentId: student.id, copyToStaff: true })).toEqual({
      ok: true,
      data: { state: "invited", emailQueued: true },
    });
    const before = mail.smtp.emails.length;
    const [reminder] = await deliveredTo(email);
    expect(reminder.subject).toBe(`Rappel : activez votre accès à l'espace étudiant — ${world.schools[0].school.name}`);
    expect(reminder.text).toContain("Vous n'avez pas encore activé votre accès à l'espace étudiant");
    // The copy asked for reaches the staff member.
    expect(mail.smtp.emails.slice(before).some((copy) => copy.to.includes(staff.email) && copy.subject.startsWith("[Copie]"))).toBe(true);
    const fresh = activationTokenIn(reminder.text)!;
    expect(await describeActivationLink(token)).toEqual({ ok: false, reason: "revoked" });
    expect(await describeActivationLink(fresh)).toMatchObject({ ok: true });

    const history = await getAccessHistory(staff, { studentId: student.id });
    expect(history).toMatchObject({
      ok: true,
      data: [{ type: "reminder_sent", actor: staff.name, email, copyRequested: true }, { type: "link_sent" }, { type: "enabled" }],
    });
    const event = await getDb().accessEvent.findFirstOrThrow({ where: { type: "reminder_sent", email } });
    expect(event.actorId).toBe(staff.id);
  });

  it("reminds a person whose link expired; the new link works", async () => {
    const { student, email } = await invitedStudent("Expirée");
    await expire({ studentId: student.id });
    expect(await sendReminder(staff, { studentId: student.id })).toEqual({ ok: true, data: { state: "invited", emailQueued: true } });
    const [reminder] = await deliveredTo(email);
    expect(await choosePassword(activationTokenIn(reminder.text)!, PASSWORD)).toMatchObject({ ok: true });
  });

  it("reminds a parent, through their child", async () => {
    const parentEmail = address("parent");
    const student = await createStudent(world, {
      firstName: "Fils",
      lastName: "Relance",
      guardians: [{ firstName: "Mère", lastName: "Relance", email: parentEmail }],
    });
    const { id: guardianId } = await getDb().guardian.findFirstOrThrow({ where: { email: parentEmail } });
    await enableAccess(staff, { studentId: student.id, guardianId });
    await deliveredTo(parentEmail);
    expect(await sendReminder(staff, { studentId: student.id, guardianId })).toMatchObject({ ok: true });
    const [reminder] = await deliveredTo(parentEmail);
    expect(reminder.text).toContain("qui vous permet de suivre la scolarité de Fils Relance");
  });

  it("refuses, with nothing sent, an active, disabled or never enabled person, one without an address, and staff without the right", async () => {
    const active = await invitedStudent("Active");
    expect(await choosePassword(active.token, PASSWORD)).toMatchObject({ ok: true });
    const disabled = await invitedStudent("Désactivée");
    await disableAccess(staff, { studentId: disabled.student.id });
    const never = await createStudent(world, { firstName: "Jamais", lastName: "Relance", email: address("jamais") });
    const noEmail = await invitedStudent("Sansadresse");
    await getDb().student.update({ where: { id: noEmail.student.id }, data: { email: null } });
    const viewer = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    const otherSchool = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent], schools: [1] });
    const eventsBefore = await getDb().accessEvent.count({ where: { type: "reminder_sent" } });

    expect(await sendReminder(staff, { studentId: active.student.id })).toEqual({ ok: false, error: "already_active" });
    expect(await sendReminder(staff, { studentId: disabled.student.id })).toEqual({ ok: false, error: "access_disabled" });
    expect(await sendReminder(staff, { studentId: never.id })).toEqual({ ok: false, error: "not_enabled" });
    expect(await sendReminder(staff, { studentId: noEmail.student.id })).toEqual({ ok: false, error: "missing_email" });
    expect(await sendReminder(viewer, { studentId: never.id })).toEqual({ ok: false, error: "forbidden" });
    expect(await sendReminder(otherSchool, { studentId: disabled.student.id })).toEqual({ ok: false, error: "not_found" });
    expect(await sendReminder(staff, { studentId: 42, copyToStaff: "oui" })).toMatchObject({ ok: false, error: "invalid_input" });
    expect(await getDb().accessEvent.count({ where: { type: "reminder_sent" } })).toBe(eventsBefore);
    // Never enabled stays never enabled: a reminder creates no access.
    expect(await getDb().portalAccess.count({ where: { studentId: never.id } })).toBe(0);
  });
});

/** A family for the list's reminders: two invited siblings sharing an invited parent, one expired parent each. */
async function family(tag: string) {
  const shared = { firstName: `Parent${tag}`, lastName: "Commun", email: address(`commun${tag}`) };
  const first = await createStudent(world, {
    firstName: `Aîné${tag}`,
    lastName: "Fratrie",
    email: address(`aine${tag}`),
    guardians: [shared],
  });
  const { id: sharedId } = await getDb().guardian.findFirstOrThrow({ where: { email: shared.email } });
  const second = await createStudent(world, {
    firstName: `Cadet${tag}`,
    lastName: "Fratrie",
    email: address(`cadet${tag}`),
    guardians: [
      { ...shared, id: sharedId, relationship: "father" },
      { firstName: `Autre${tag}`, lastName: "Fratrie", email: address(`autre${tag}`) },
    ],
  });
  const { id: otherId } = await getDb().guardian.findFirstOrThrow({ where: { firstName: `Autre${tag}` } });
  for (const ref of [
    { studentId: first.id },
    { studentId: second.id },
    { studentId: first.id, guardianId: sharedId },
    { studentId: second.id, guardianId: otherId },
  ]) {
    expect(await enableAccess(staff, ref)).toMatchObject({ ok: true });
  }
  await processOutbox(mail.transport, { limit: 100 });
  await expire({ guardianId: otherId });
  return { first, second, sharedId, otherId, sharedEmail: shared.email };
}

async function runReminders(studentIds: string[], audience: TBulkAudience) {
  const started = await startBulkReminder(staff, { selection: { studentIds }, audience });
  if (!started.ok) throw new Error(started.error);
  while ((await prepareBulkSends({ maxStudents: 2 })) > 0);
  await processOutbox(mail.transport, { limit: 100 });
  return started.data.bulkSendId;
}

const itemsOf = (bulkSendId: string) =>
  getDb().bulkSendItem.findMany({ where: { bulkSendId }, select: { studentId: true, guardianId: true, outcome: true } });

describe("« Relancer » from the list", () => {
  it("reminds students and parents once each, the shared parent once, and counts the others by reason", async () => {
    const { first, second, sharedId, otherId, sharedEmail } = await family("A");
    const activeStudent = await invitedStudent("Activeliste", [
      { firstName: "Jamais", lastName: "Activé", email: address("jamais-parent") },
    ]);
    await choosePassword(activeStudent.token, PASSWORD);
    const disabledStudent = await invitedStudent("Désactiveliste");
    await disableAccess(staff, { studentId: disabledStudent.student.id });
    const noEmail = await createStudent(world, { firstName: "Sansmail", lastName: "Liste", email: null });
    const selected = [first.id, second.id, activeStudent.student.id, disabledStudent.student.id, noEmail.id];
    // The count the dialog shows: the two invited students, and their two waiting parents once each.
    expect(await previewBulkReminder(staff, { selection: { studentIds: selected } })).toEqual({
      ok: true,
      data: { students: 2, guardians: 2 },
    });
    // Through the list's search: the elder sibling and their parent.
    expect(await previewBulkReminder(staff, { selection: { query: { query: first.firstName } } })).toEqual({
      ok: true,
      data: { students: 1, guardians: 1 },
    });
    const before = mail.smtp.emails.length;

    const bulkSendId = await runReminders(selected, "both");
    const sent = mail.smtp.emails.slice(before);
    // Two students and two parents; the parent of both siblings receives one reminder.
    expect(sent.map((email) => email.to[0]).sort()).toEqual(
      [first.email, second.email, sharedEmail, (await getDb().guardian.findUniqueOrThrow({ where: { id: otherId } })).email].sort(),
    );
    expect(sent.every((email) => email.subject.startsWith("Rappel : activez votre accès"))).toBe(true);
    expect(await getDb().accessEvent.count({ where: { type: "reminder_sent", access: { guardianId: sharedId } } })).toBe(1);

    const progress = await getBulkProgress(staff, { bulkSendId });
    expect(progress).toMatchObject({
      ok: true,
      data: {
        kind: "reminder",
        audience: "both",
        total: 5,
        prepared: 8,
        done: true,
        skipped: { active: 1, not_enabled: 1, disabled: 1, missing_email: 1, invalid_email: 0, email_in_use: 0 },
        emails: { sent: 4, failed: 0, pending: 0 },
      },
    });
    const events = await getDb().accessEvent.findMany({ where: { type: "reminder_sent", access: { studentId: first.id } } });
    expect(events.map((event) => event.actorId)).toEqual([staff.id]);

    // The report: a line for every person, the parents named with the child through whom they were reached.
    const report = await getBulkReport(staff, bulkSendId);
    const lines = report!.items.map((line) => [
      line.student.firstName,
      line.guardian?.firstName ?? null,
      line.outboxMessage?.status ?? line.outcome,
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        ["AînéA", null, "sent"],
        ["AînéA", "ParentA", "sent"],
        ["CadetA", null, "sent"],
        ["CadetA", "AutreA", "sent"],
        ["Activeliste", null, "active"],
        ["Activeliste", "Jamais", "not_enabled"],
        ["Désactiveliste", null, "disabled"],
        ["Sansmail", null, "missing_email"],
      ]),
    );
    expect(lines).toHaveLength(8);
  });

  it("reminds only the students, or only the parents, as chosen", async () => {
    const { first, second, sharedEmail } = await family("B");
    const before = mail.smtp.emails.length;
    const studentsRun = await runReminders([first.id, second.id], "students");
    expect(
      mail.smtp.emails
        .slice(before)
        .map((email) => email.to[0])
        .sort(),
    ).toEqual([first.email, second.email].sort());
    expect((await itemsOf(studentsRun)).every((item) => item.guardianId === null)).toBe(true);

    const middle = mail.smtp.emails.length;
    const parentsRun = await runReminders([first.id, second.id], "guardians");
    const parents = mail.smtp.emails.slice(middle).map((email) => email.to[0]);
    expect(parents).toHaveLength(2);
    expect(parents).toContain(sharedEmail);
    const items = await itemsOf(parentsRun);
    expect(items.every((item) => item.guardianId !== null && item.outcome === "queued")).toBe(true);
    // The shared parent's item names the first sibling, through whom they were reached.
    expect(items.filter((item) => item.studentId === first.id)).toHaveLength(1);
  });

  it("counts what a run would remind only among the staff member's students, and only for those who may start it", async () => {
    const { first, second, sharedId } = await family("C");
    // Invited too, but in another organisation: not counted.
    const other = await createWorld();
    const stranger = await createStudent(other, { firstName: "Ailleurs", lastName: "Relance", email: address("ailleurs") });
    const otherStaff = await createStaff(other, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
    expect(await enableAccess(otherStaff, { studentId: stranger.id })).toMatchObject({ ok: true });
    const selection = { studentIds: [first.id, second.id, stranger.id] };
    expect(await previewBulkReminder(staff, { selection })).toEqual({ ok: true, data: { students: 2, guardians: 2 } });
    // The shared parent chooses a password: one parent is left to remind.
    await getDb().portalAccess.update({ where: { guardianId: sharedId }, data: { passwordHash: "chosen" } });
    expect(await previewBulkReminder(staff, { selection })).toEqual({ ok: true, data: { students: 2, guardians: 1 } });
    const viewer = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    expect(await previewBulkReminder(viewer, { selection })).toEqual({ ok: false, error: "forbidden" });
    expect(await previewBulkReminder(staff, { selection: { studentIds: [] } })).toMatchObject({ ok: false, error: "invalid_input" });
  });

  it("refuses staff without « Modifier un étudiant » and an unknown audience", async () => {
    const viewer = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    const { student } = await invitedStudent("Refus");
    expect(await startBulkReminder(viewer, { selection: { studentIds: [student.id] }, audience: "both" })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await startBulkReminder(staff, { selection: { studentIds: [student.id] }, audience: "everyone" })).toMatchObject({
      ok: false,
      error: "invalid_input",
    });
  });
});

describe("« Envois » with reminders", () => {
  it("lists activation sends, reminder runs and automatic runs, each with its kind, to those who may see them", async () => {
    const own = await createWorld();
    const director = await createStaff(own, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
    const inA = await createStaff(own, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent], schools: [0] });
    const inB = await createStaff(own, { rights: [RIGHTS.viewStudent], schools: [1] });
    const student = await createStudent(own, { firstName: "Envoi", lastName: "Relance", email: address("envoi") });
    const reminder = await startBulkReminder(director, { selection: { studentIds: [student.id] }, audience: "guardians" });
    const db = getDb();
    const automatic = await db.bulkSend.create({
      data: {
        kind: "auto_reminder",
        audience: "both",
        createdById: null,
        schoolId: own.schools[0].school.id,
        selection: "{}",
        status: "queued",
        total: 0,
      },
    });
    const automaticB = await db.bulkSend.create({
      data: {
        kind: "auto_reminder",
        audience: "both",
        createdById: null,
        schoolId: own.schools[1].school.id,
        selection: "{}",
        status: "queued",
        total: 0,
      },
    });
    const ownAll = await listBulkSends(director, 1);
    expect(ownAll.sends.map((send) => [send.kind, send.audience, send.createdBy, send.schoolName])).toEqual([
      ["auto_reminder", "both", null, own.schools[1].school.name],
      ["auto_reminder", "both", null, own.schools[0].school.name],
      ["reminder", "guardians", director.name, null],
    ]);
    expect(reminder.ok && ownAll.sends[2].id).toBe(reminder.ok && reminder.data.bulkSendId);
    // Restricted staff: the automatic runs of their schools only (and their own sends).
    expect((await listBulkSends(inA, 1)).sends.map((send) => send.id)).toEqual([automatic.id]);
    expect((await listBulkSends(inB, 1)).sends.map((send) => send.id)).toEqual([automaticB.id]);
    expect(await getBulkProgress(inB, { bulkSendId: automatic.id })).toEqual({ ok: false, error: "not_found" });
    expect(await getBulkProgress(inA, { bulkSendId: automatic.id })).toMatchObject({
      ok: true,
      data: { kind: "auto_reminder", createdBy: null },
    });
    // Another organisation sees none of them; staff of the first world do not see this one's runs.
    expect((await listBulkSends(staff, 1)).sends.map((send) => send.id)).not.toContain(automatic.id);
    expect(await getBulkProgress(staff, { bulkSendId: automatic.id })).toEqual({ ok: false, error: "not_found" });
    // The worker leaves automatic runs to the reminder worker: not cancelled for want of an author.
    await db.bulkSend.update({ where: { id: automatic.id }, data: { status: "preparing" } });
    while ((await prepareBulkSends({ maxStudents: 10 })) > 0);
    expect((await db.bulkSend.findUniqueOrThrow({ where: { id: automatic.id } })).status).toBe("preparing");
    await db.bulkSend.update({ where: { id: automatic.id }, data: { status: "queued" } });
  });

  it("lists an activation send next to them as such", async () => {
    const student = await createStudent(world, { firstName: "Activation", lastName: "Relance", email: address("activation") });
    const started = await startBulkSend(staff, { selection: { studentIds: [student.id] } });
    while ((await prepareBulkSends({ maxStudents: 10 })) > 0);
    const { sends } = await listBulkSends(staff, 1);
    expect(sends[0]).toMatchObject({
      id: started.ok && started.data.bulkSendId,
      kind: "activation",
      audience: "students",
      total: 1,
      skipped: 0,
    });
    expect(sends.filter((send) => send.kind === "reminder").length).toBeGreaterThanOrEqual(3);
  });
});
