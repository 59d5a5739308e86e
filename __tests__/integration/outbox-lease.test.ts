/** @jest-environment node */
// The claim on a message being sent is short and renewed while the SMTP exchange runs: a slow
// exchange is never sent twice, and a message whose sender died is sent again within a minute.
import { resendActivation } from "@/lib/actions/handlers/access";
import { getDb } from "@/lib/db";
import { OUTBOX_LEASE_MS, processOutbox } from "@/lib/mail/outbox";
import type { MailTransport } from "@/lib/mail/transport";
import { RIGHTS } from "@/lib/rights";
import { captureMail } from "../factories/mail";
import { createStaff, createStudent, createWorld, type World } from "../factories/school";

const mail = captureMail();
let world: World;
let staff: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  world = await createWorld();
  staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
});

async function queueEmailFor(email: string) {
  const student = await createStudent(world, { firstName: "Bail", lastName: "Court", email });
  expect(await resendActivation(staff, { studentId: student.id })).toMatchObject({ ok: true });
  return getDb().outboxMessage.findFirstOrThrow({ where: { toAddress: email } });
}

const delivered = (address: string) => mail.smtp.emails.filter((email) => email.to.includes(address));

it("keeps the claim while a slow SMTP exchange outlasts the lease, so another worker does not send it too", async () => {
  await queueEmailFor("lent@bail.test");
  const slow: MailTransport = {
    async send(email) {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await mail.transport.send(email);
    },
    close() {},
  };
  const first = processOutbox(slow, { limit: 10, leaseMs: 600 });
  // Two lease lengths later, another worker looks for due messages.
  await new Promise((resolve) => setTimeout(resolve, 1200));
  const second = await processOutbox(mail.transport, { limit: 10, leaseMs: 600 });
  expect(second).toEqual({ sent: 0, retried: 0, failed: 0 });
  expect(await first).toEqual({ sent: 1, retried: 0, failed: 0 });
  expect(delivered("lent@bail.test")).toHaveLength(1);
  expect(await getDb().outboxMessage.findFirstOrThrow({ where: { toAddress: "lent@bail.test" } })).toMatchObject({
    status: "sent",
    lockedUntil: null,
  });
});

it("sends a message whose sender died mid-exchange again once its lease ends, within a minute, with the same Message-ID", async () => {
  const message = await queueEmailFor("mort@bail.test");
  const claimedAt = new Date();
  // What a claim writes; then the process died.
  await getDb().outboxMessage.update({
    where: { id: message.id },
    data: { status: "sending", attempts: 1, lockedUntil: new Date(claimedAt.getTime() + OUTBOX_LEASE_MS) },
  });
  expect(await processOutbox(mail.transport, { limit: 10, now: new Date(claimedAt.getTime() + OUTBOX_LEASE_MS - 1000) })).toEqual({
    sent: 0,
    retried: 0,
    failed: 0,
  });
  // The worker ticks every second: the first tick after the lease sends it.
  const firstTickAfter = new Date(claimedAt.getTime() + OUTBOX_LEASE_MS + 1000);
  expect(firstTickAfter.getTime() - claimedAt.getTime()).toBeLessThanOrEqual(60_000);
  expect(await processOutbox(mail.transport, { limit: 10, now: firstTickAfter })).toEqual({ sent: 1, retried: 0, failed: 0 });
  const [email] = delivered("mort@bail.test");
  expect(email.messageId).toBe(message.messageId);
  expect(await processOutbox(mail.transport, { limit: 10, now: new Date(Date.now() + 3600_000) })).toEqual({
    sent: 0,
    retried: 0,
    failed: 0,
  });
  expect(delivered("mort@bail.test")).toHaveLength(1);
});
