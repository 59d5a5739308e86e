/** @jest-environment node */
import { getBulkProgress, startBulkSend, summarizeBulkSend } from "@/lib/actions/handlers/bulk";
import { disableAccess, enableAccess } from "@/lib/actions/handlers/access";
import { resendActivation } from "@/lib/data/access/resend-activation";
import { prepareBulkSends } from "@/lib/jobs/bulk-sends";
import { getDb } from "@/lib/db";
import { processOutbox } from "@/lib/mail/outbox";
import { RIGHTS } from "@/lib/rights";
import { captureMail } from "../factories/mail";
import { createStaff, createStudent, createWorld, type World } from "../factories/school";

let world: World;
const mail = captureMail();
let staff: Awaited<ReturnType<typeof createStaff>>;
let eligible: string[];
let all: string[];

beforeAll(async () => {
  world = await createWorld();
  staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
  eligible = [];
  for (let index = 0; index < 24; index += 1) {
    eligible.push((await createStudent(world, { firstName: `Élève${index}`, lastName: "Groupe", email: `eleve${index}@groupe.test` })).id);
  }
  const noEmail = await createStudent(world, { firstName: "Sans", lastName: "Groupe", email: null });
  const invalid = await createStudent(world, { firstName: "Invalide", lastName: "Groupe", email: "invalide@@groupe" });
  const disabled = await createStudent(world, { firstName: "Désactivé", lastName: "Groupe", email: "desactive@groupe.test" });
  await enableAccess(staff, { studentId: disabled.id });
  await disableAccess(staff, { studentId: disabled.id });
  await enableAccess(staff, { studentId: eligible[0] });
  await processOutbox(mail.transport, { limit: 100 });
  mail.smtp.emails.splice(0);
  all = [...eligible, noEmail.id, invalid.id, disabled.id];
});

describe("bulk resend", () => {
  it("summarises who will receive the email, who is skipped and why", async () => {
    const result = await summarizeBulkSend(staff, { selection: { studentIds: all } });
    expect(result).toEqual({
      ok: true,
      data: {
        total: 27,
        willReceive: 24,
        willEnable: 23,
        withPassword: 0,
        skipped: { missing_email: 1, invalid_email: 1, disabled: 1, email_in_use: 0 },
        skippedPeople: {
          missing_email: [{ id: all[24], name: "Sans Groupe" }],
          invalid_email: [{ id: all[25], name: "Invalide Groupe" }],
          disabled: [{ id: all[26], name: "Désactivé Groupe" }],
          email_in_use: [],
        },
      },
    });
    const byQuery = await summarizeBulkSend(staff, { selection: { query: { query: "groupe", email: "missing" } } });
    expect(byQuery).toMatchObject({ ok: true, data: { total: 1, skipped: { missing_email: 1 } } });
  });

  it("survives a restart in the middle: every email goes out once", async () => {
    const started = await startBulkSend(staff, { selection: { studentIds: all } });
    expect(started).toMatchObject({ ok: true, data: { total: 27 } });
    const bulkSendId = started.ok ? started.data.bulkSendId : "";

    // The first worker prepares 10 students and sends 5 emails, then the process is stopped.
    expect(await prepareBulkSends({ maxStudents: 10 })).toBe(10);
    expect(await processOutbox(mail.transport, { limit: 5 })).toMatchObject({ sent: 5 });
    // A crash right after a student's email was queued, before the worker moved on: retrying that
    // student is refused by the unique (bulk, student) key, so no second email is queued.
    const prepared = await getDb().bulkSendItem.findFirstOrThrow({ where: { bulkSendId, outcome: "queued" } });
    await expect(resendActivation(staff, { studentId: prepared.studentId }, { copyToStaff: false, bulkSendId })).rejects.toMatchObject({
      code: "P2002",
    });

    const midway = await getBulkProgress(staff, { bulkSendId });
    // In list order "Désactivé Groupe" comes first: skipped, so 9 of the 10 prepared have an email.
    expect(midway).toMatchObject({ ok: true, data: { done: false, prepared: 10, emails: { sent: 5, pending: 4 } } });

    // After the restart, workers finish the job.
    while ((await prepareBulkSends({ maxStudents: 7 })) > 0);
    while ((await processOutbox(mail.transport, { limit: 8 })).sent > 0);

    const progress = await getBulkProgress(staff, { bulkSendId });
    expect(progress).toMatchObject({
      ok: true,
      data: {
        status: "queued",
        done: true,
        total: 27,
        prepared: 27,
        skipped: { missing_email: 1, invalid_email: 1, disabled: 1, email_in_use: 0, not_found: 0, has_password: 0 },
        emails: { sent: 24, pending: 0, sending: 0, failed: 0 },
      },
    });
    const recipients = mail.smtp.emails.map((email) => email.to[0]).sort();
    expect(recipients).toHaveLength(24);
    expect(new Set(recipients).size).toBe(24);
    expect(new Set(mail.smtp.emails.map((email) => email.messageId)).size).toBe(24);
    const enabled = await getDb().portalAccess.count({ where: { studentId: { in: eligible }, enabled: true } });
    expect(enabled).toBe(24);
  });

  it("refuses staff without Modifier un étudiant, and empty or oversized selections", async () => {
    const viewer = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    expect(await startBulkSend(viewer, { selection: { studentIds: all } })).toEqual({ ok: false, error: "forbidden" });
    expect(await startBulkSend(staff, { selection: { studentIds: [] } })).toMatchObject({ ok: false, error: "invalid_input" });
    expect(await startBulkSend(staff, { selection: { studentIds: ["inconnu1", "inconnu2"] } })).toEqual({ ok: false, error: "not_found" });
    const huge = Array.from({ length: 10_001 }, (_, index) => `id${index}`);
    expect(await summarizeBulkSend(staff, { selection: { studentIds: huge } })).toMatchObject({ ok: false, error: "invalid_input" });
    expect(await startBulkSend(staff, { selection: { studentIds: all, extra: true } })).toMatchObject({
      ok: false,
      error: "invalid_input",
    });
  });

  it("treats a double confirmation as one bulk send", async () => {
    const startedAfter = new Date(Date.now() - 1);
    const first = await startBulkSend(staff, { selection: { studentIds: [eligible[5], eligible[6]] } });
    const second = await startBulkSend(staff, { selection: { studentIds: [eligible[6], eligible[5]] } });
    // Both clicks succeed and get the same bulk send back: one row, so one email per student.
    expect(first).toMatchObject({ ok: true, data: { total: 2 } });
    expect(second).toEqual(first);
    expect(await getDb().bulkSend.count({ where: { createdById: staff.id, createdAt: { gt: startedAfter } } })).toBe(1);
  });

  it("treats two confirmations at the same moment (two tabs) as one bulk send", async () => {
    const startedAfter = new Date(Date.now() - 1);
    const clicks = await Promise.all([
      startBulkSend(staff, { selection: { studentIds: [eligible[7], eligible[8]] } }),
      startBulkSend(staff, { selection: { studentIds: [eligible[8], eligible[7]] } }),
      startBulkSend(staff, { selection: { studentIds: [eligible[7], eligible[8]] } }),
    ]);
    expect(clicks[0]).toMatchObject({ ok: true, data: { total: 2 } });
    expect(clicks[1]).toEqual(clicks[0]);
    expect(clicks[2]).toEqual(clicks[0]);
    expect(await getDb().bulkSend.count({ where: { createdById: staff.id, createdAt: { gt: startedAfter } } })).toBe(1);
  });

  it("only shows progress to its author and to staff who see every school of the organisation", async () => {
    const started = await startBulkSend(staff, { selection: { studentIds: [eligible[1]] } });
    const bulkSendId = started.ok ? started.data.bulkSendId : "";
    const restricted = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent], schools: [0] });
    expect(await getBulkProgress(restricted, { bulkSendId })).toEqual({ ok: false, error: "not_found" });
    const director = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    expect(await getBulkProgress(director, { bulkSendId })).toMatchObject({ ok: true });
    const otherWorld = await createWorld();
    const outsider = await createStaff(otherWorld, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
    expect(await getBulkProgress(outsider, { bulkSendId })).toEqual({ ok: false, error: "not_found" });
  });
});
