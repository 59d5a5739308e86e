/** @jest-environment node */
import { enableAccess } from "@/lib/actions/handlers/access";
import { getBulkProgress, startBulkSend, summarizeBulkSend } from "@/lib/actions/handlers/bulk";
import { NAMED_SKIPS } from "@/lib/data/bulk-sends";
import { getDb } from "@/lib/db";
import { prepareBulkSends } from "@/lib/jobs/bulk-sends";
import { processOutbox } from "@/lib/mail/outbox";
import { RIGHTS } from "@/lib/rights";
import { captureMail } from "../factories/mail";
import { createStaff, createStudent, createWorld, type World } from "../factories/school";

let world: World;
const mail = captureMail();
let staff: Awaited<ReturnType<typeof createStaff>>;
let withPassword: { id: string; email: string };
let fresh: { id: string; email: string };
let noEmail: string[];

beforeAll(async () => {
  world = await createWorld();
  staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
  fresh = {
    email: "nouveau@mdp.test",
    id: (await createStudent(world, { firstName: "Nouveau", lastName: "Mdp", email: "nouveau@mdp.test" })).id,
  };
  withPassword = {
    email: "ancien@mdp.test",
    id: (await createStudent(world, { firstName: "Ancien", lastName: "Mdp", email: "ancien@mdp.test" })).id,
  };
  await enableAccess(staff, { studentId: withPassword.id });
  await getDb().portalAccess.update({ where: { studentId: withPassword.id }, data: { passwordHash: "hash-of-a-chosen-password" } });
  noEmail = [];
  // Names sort in list order: « Zz00 Mdp » … « Zz22 Mdp ».
  for (let index = 0; index < NAMED_SKIPS + 3; index += 1) {
    noEmail.push((await createStudent(world, { firstName: `Zz${String(index).padStart(2, "0")}`, lastName: "Mdp", email: null })).id);
  }
  await processOutbox(mail.transport, { limit: 100 });
  mail.smtp.emails.splice(0);
});

async function sendAndDeliver(includeWithPassword?: boolean) {
  const input = {
    selection: { studentIds: [fresh.id, withPassword.id, ...noEmail] },
    ...(includeWithPassword === undefined ? {} : { includeWithPassword }),
  };
  const started = await startBulkSend(staff, input);
  if (!started.ok) throw new Error(started.error);
  while ((await prepareBulkSends({ maxStudents: 10 })) > 0);
  await processOutbox(mail.transport, { limit: 100 });
  const recipients = mail.smtp.emails.map((email) => email.to[0]).sort();
  mail.smtp.emails.splice(0);
  return { bulkSendId: started.data.bulkSendId, recipients };
}

describe("the bulk summary's names and people who already chose a password", () => {
  it("names the first skipped people of each reason, in list order, and counts those with a password", async () => {
    const result = await summarizeBulkSend(staff, { selection: { studentIds: [...noEmail].reverse().concat(fresh.id, withPassword.id) } });
    if (!result.ok) throw new Error(result.error);
    expect(result.data).toMatchObject({
      total: NAMED_SKIPS + 5,
      willReceive: 2,
      withPassword: 1,
      skipped: { missing_email: NAMED_SKIPS + 3 },
    });
    const named = result.data.skippedPeople.missing_email;
    expect(named).toHaveLength(NAMED_SKIPS);
    expect(named[0]).toEqual({ id: noEmail[0], name: "Zz00 Mdp" });
    expect(named.at(-1)).toEqual({ id: noEmail[NAMED_SKIPS - 1], name: `Zz${NAMED_SKIPS - 1} Mdp` });
  });

  it("leaves people who already chose a password out by default, recorded as skipped", async () => {
    const { bulkSendId, recipients } = await sendAndDeliver();
    expect(recipients).toEqual([fresh.email]);
    const progress = await getBulkProgress(staff, { bulkSendId });
    expect(progress).toMatchObject({
      ok: true,
      data: { done: true, skipped: { has_password: 1, missing_email: NAMED_SKIPS + 3 }, emails: { sent: 1 } },
    });
    const passwordHash = (await getDb().portalAccess.findUniqueOrThrow({ where: { studentId: withPassword.id } })).passwordHash;
    expect(passwordHash).toBe("hash-of-a-chosen-password");
  });

  it("sends them a link too when staff include them", async () => {
    const { bulkSendId, recipients } = await sendAndDeliver(true);
    expect(recipients).toEqual([withPassword.email, fresh.email]);
    expect(await getBulkProgress(staff, { bulkSendId })).toMatchObject({
      ok: true,
      data: { skipped: { has_password: 0 }, emails: { sent: 2 } },
    });
  });
});
