/** @jest-environment node */
import { startBulkSend } from "@/lib/actions/handlers/bulk";
import { getBulkReport, listBulkSends, SENDS_PAGE_SIZE } from "@/lib/data/send-history";
import { prepareBulkSends } from "@/lib/jobs/bulk-sends";
import { getDb } from "@/lib/db";
import { processOutbox } from "@/lib/mail/outbox";
import { RIGHTS } from "@/lib/rights";
import { captureMail } from "../factories/mail";
import { createStaff, createStudent, createWorld, type World } from "../factories/school";

let world: World;
const mail = captureMail();
let author: Awaited<ReturnType<typeof createStaff>>;
let restricted: Awaited<ReturnType<typeof createStaff>>;
let older: string;
let newer: string;
let own: string;

async function start(staff: typeof author, studentIds: string[], createdAt: Date) {
  const started = await startBulkSend(staff, { selection: { studentIds } });
  if (!started.ok) throw new Error(started.error);
  await getDb().bulkSend.update({ where: { id: started.data.bulkSendId }, data: { createdAt } });
  return started.data.bulkSendId;
}

beforeAll(async () => {
  world = await createWorld();
  author = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
  restricted = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent], schools: [0] });
  const students = [];
  for (let index = 0; index < 4; index += 1) {
    students.push((await createStudent(world, { firstName: `Liste${index}`, lastName: "Envois", email: `liste${index}@envois.test` })).id);
  }
  const noEmail = (await createStudent(world, { firstName: "Sans", lastName: "Envois", email: null })).id;
  const inB = (await createStudent(world, { firstName: "Autre", lastName: "Envois", email: "autre@envois.test", school: 1 })).id;

  older = await start(author, [students[0], students[1], noEmail], new Date("2026-11-20T09:00:00Z"));
  while ((await prepareBulkSends({ maxStudents: 50 })) > 0);
  await processOutbox(mail.transport, { limit: 50 });
  // One of the two emails failed for good.
  const message = await getDb().outboxMessage.findFirstOrThrow({ where: { bulkSendId: older } });
  await getDb().outboxMessage.update({ where: { id: message.id }, data: { status: "failed", sentAt: null, lastError: "550 refusé" } });

  // Still being prepared: nothing sent yet.
  newer = await start(author, [students[2], inB], new Date("2026-11-26T09:00:00Z"));
  own = await start(restricted, [students[3]], new Date("2026-11-25T09:00:00Z"));
});

describe("« Envois »", () => {
  it("lists every send of the organisation newest first, with who, when, sent, failed, skipped and state", async () => {
    const page = await listBulkSends(author, 1);
    expect(page).toMatchObject({ page: 1, pageCount: 1, total: 3 });
    expect(page.sends.map((send) => send.id)).toEqual([newer, own, older]);
    expect(page.sends[0]).toMatchObject({
      kind: "activation",
      total: 2,
      sent: 0,
      failed: 0,
      skipped: 0,
      state: "preparing",
      createdBy: author.name,
    });
    expect(page.sends[2]).toMatchObject({
      total: 3,
      sent: 1,
      failed: 1,
      skipped: 1,
      state: "done",
      createdAt: "2026-11-20T09:00:00.000Z",
    });
  });

  it("shows staff restricted to some schools only the sends they started, as the progress page does", async () => {
    const page = await listBulkSends(restricted, 1);
    expect(page.sends.map((send) => send.id)).toEqual([own]);
    const outsider = await createStaff(await createWorld(), { rights: [RIGHTS.viewStudent] });
    expect(await listBulkSends(outsider, 1)).toEqual({ sends: [], page: 1, pageCount: 1, total: 0 });
  });

  it("pages through the sends and brings a page past the end back to the last one", async () => {
    const firstCreated = new Date("2026-10-01T08:00:00Z").getTime();
    for (let index = 0; index < SENDS_PAGE_SIZE; index += 1) {
      await getDb().bulkSend.create({
        data: {
          createdById: author.id,
          selection: JSON.stringify({ studentIds: [] }),
          total: 0,
          status: "queued",
          createdAt: new Date(firstCreated + index * 60_000),
        },
      });
    }
    const second = await listBulkSends(author, 2);
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: SENDS_PAGE_SIZE + 3 });
    expect(second.sends).toHaveLength(3);
    expect(second.sends.at(-1)?.createdAt).toBe(new Date(firstCreated).toISOString());
    expect((await listBulkSends(author, 99)).page).toBe(2);
  });

  it("gives the report a line for every student, those not prepared yet too", async () => {
    const report = await getBulkReport(author, newer);
    expect(report?.items.map((line) => [line.student.firstName, line.outcome])).toEqual([
      ["Autre", "not_prepared"],
      ["Liste2", "not_prepared"],
    ]);
    const done = await getBulkReport(author, older);
    expect(done?.items.map((line) => [line.student.firstName, line.outcome, line.outboxMessage?.status ?? null])).toEqual([
      ["Liste0", "queued", expect.stringMatching(/^(sent|failed)$/)],
      ["Liste1", "queued", expect.stringMatching(/^(sent|failed)$/)],
      ["Sans", "missing_email", null],
    ]);
  });
});
