/** @jest-environment node */
// A bulk send prepares its students in batches (one transaction each) instead of one by one: the
// same skips, the same links, events and emails as resendActivation, and one working link each.
import { disableAccess, enableAccess } from "@/lib/actions/handlers/access";
import { resendActivation } from "@/lib/data/access/resend-activation";
import { prepareStudentsTogether } from "@/lib/data/bulk-preparation";
import { choosePassword } from "@/lib/data/portal-activation";
import { openPortalSession, portalSessionStands } from "@/lib/data/portal-sessions";
import { getDb } from "@/lib/db";
import { processOutbox } from "@/lib/mail/outbox";
import { RIGHTS } from "@/lib/rights";
import { activationTokenIn, captureMail, deliverLinkTo } from "../factories/mail";
import { createStaff, createStudent, createWorld, uniqueSuffix, type World } from "../factories/school";

const mail = captureMail();
let world: World;
let staff: Awaited<ReturnType<typeof createStaff>>;
const GOOD_PASSWORD = "cheval agrafe batterie correcte";

beforeAll(async () => {
  world = await createWorld();
  staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
});

async function newBulk(studentIds: string[]) {
  return getDb().bulkSend.create({ data: { createdById: staff.id, selection: JSON.stringify({ studentIds }), total: studentIds.length } });
}

const student = (firstName: string, email: string | null = `${uniqueSuffix()}@lot.test`) =>
  createStudent(world, { firstName, lastName: "Lot", email });

/** A student whose access was enabled: an invitation pending, its link token in hand. */
async function invited(firstName: string) {
  const created = await student(firstName);
  await enableAccess(staff, { studentId: created.id });
  return { ...created, token: await deliverLinkTo(mail, created.email!) };
}

/** A student who chose a password and is signed in to the espace étudiant. */
async function active(firstName: string) {
  const created = await invited(firstName);
  const chosen = await choosePassword(created.token, GOOD_PASSWORD);
  if (!chosen.ok) throw new Error(`could not activate ${firstName}`);
  return { ...created, session: await openPortalSession(chosen) };
}

/** What a person's access looks like after a link was sent, without ids and instants. */
async function accessTrail(studentId: string) {
  const access = await getDb().portalAccess.findUniqueOrThrow({
    where: { studentId },
    include: { links: { orderBy: { createdAt: "asc" } }, events: { orderBy: { createdAt: "asc" }, include: { messages: true } } },
  });
  return {
    enabled: access.enabled,
    enabledBy: access.enabledById,
    signInEmail: access.signInEmail,
    sessionVersion: access.sessionVersion,
    linkExpiresAt: access.linkExpiresAt !== null,
    links: access.links.map((link) => ({ sentTo: link.sentTo, used: !!link.usedAt, revoked: link.revokedReason })),
    events: access.events.map((event) => ({
      type: event.type,
      actor: event.actorId,
      email: event.email,
      copy: event.copyRequested,
      messages: event.messages.map((message) => ({
        kind: message.kind,
        to: message.toAddress,
        subject: message.subject,
        status: message.status,
        bulk: !!message.bulkSendId,
      })),
    })),
  };
}

describe("bulk preparation in batches", () => {
  it("skips who resendActivation would skip, and gives everyone else one working link", async () => {
    const fresh = await student("Nouveau");
    const pending = await invited("Invité");
    const signedIn = await active("Actif");
    const noEmail = await student("Sans", null);
    const invalid = await student("Invalide", "invalide@@lot");
    const disabled = await student("Désactivé");
    await enableAccess(staff, { studentId: disabled.id });
    await disableAccess(staff, { studentId: disabled.id });
    const holderAddress = `${uniqueSuffix()}@partage.test`;
    const holder = await student("Titulaire", holderAddress);
    await enableAccess(staff, { studentId: holder.id });
    const taken = await student("Homonyme", holderAddress.toUpperCase());
    const twinAddress = `${uniqueSuffix()}@jumeaux.test`;
    const firstTwin = await student("Jumeau", twinAddress);
    const secondTwin = await student("Jumelle", twinAddress);
    await processOutbox(mail.transport, { limit: 50 });
    const before = mail.smtp.emails.length;

    const ids = [fresh, pending, signedIn, noEmail, invalid, disabled, taken, firstTwin, secondTwin].map((row) => row.id);
    const bulk = await newBulk(ids);
    expect(await prepareStudentsTogether(staff, bulk.id, ids)).toEqual([]);

    const items = await getDb().bulkSendItem.findMany({ where: { bulkSendId: bulk.id } });
    const outcomeOf = Object.fromEntries(items.map((item) => [item.studentId, item.outcome]));
    expect(ids.map((id) => outcomeOf[id])).toEqual([
      "queued",
      "queued",
      "queued",
      "missing_email",
      "invalid_email",
      "disabled",
      "email_in_use",
      "queued",
      "email_in_use",
    ]);

    await processOutbox(mail.transport, { limit: 50 });
    const delivered = mail.smtp.emails.slice(before);
    expect(delivered.map((email) => email.to[0]).sort()).toEqual([fresh.email, pending.email, signedIn.email, twinAddress].sort());
    expect(delivered.every((email) => email.text.includes("Bonjour ") && email.html.includes("Lot"))).toBe(true);
    // Who has a password is sent a new one, the others the invitation: each from its own pre-rendered template.
    const subjectOf = (address: string | null) => delivered.find((email) => email.to[0] === address)!.subject;
    expect(subjectOf(signedIn.email)).toMatch(/^Choisissez un nouveau mot de passe — /);
    expect(subjectOf(fresh.email)).toMatch(/^Votre accès à l'espace étudiant — /);

    // A link sent by staff ends open portal sessions.
    expect(await portalSessionStands(signedIn.session)).toBe(false);
    // The link each person received sets their password, once; the one sent before stopped working.
    for (const email of delivered) {
      const token = activationTokenIn(email.text)!;
      expect(await choosePassword(token, GOOD_PASSWORD)).toMatchObject({ ok: true, email: email.to[0] });
      expect(await choosePassword(token, GOOD_PASSWORD)).toEqual({ ok: false, reason: "used" });
    }
    expect(await choosePassword(pending.token, GOOD_PASSWORD)).toEqual({ ok: false, reason: "revoked" });

    // Skipped students got nothing: no access row created, no change to the disabled one.
    expect(await getDb().portalAccess.count({ where: { studentId: { in: [noEmail.id, invalid.id, taken.id, secondTwin.id] } } })).toBe(0);
    expect(await accessTrail(disabled.id)).toMatchObject({
      enabled: false,
      events: [{ type: "enabled" }, { type: "link_sent" }, { type: "disabled" }],
    });
    expect((await accessTrail(holder.id)).signInEmail).toBe(holderAddress);
  });

  it("writes what resendActivation writes, student for student", async () => {
    const pairs = [];
    for (const make of [student, invited, active] as const) pairs.push([await make("Témoin"), await make("Lot")] as const);
    await processOutbox(mail.transport, { limit: 50 });
    const bulk = await newBulk(pairs.map(([, batched]) => batched.id));
    for (const [alone] of pairs)
      expect(await resendActivation(staff, { studentId: alone.id }, { copyToStaff: false, bulkSendId: bulk.id })).toMatchObject({
        ok: true,
      });
    expect(
      await prepareStudentsTogether(
        staff,
        bulk.id,
        pairs.map(([, batched]) => batched.id),
      ),
    ).toEqual([]);
    for (const [alone, batched] of pairs) {
      const [expected, actual] = [await accessTrail(alone.id), await accessTrail(batched.id)];
      const address = (trail: typeof expected, email: string | null) => JSON.parse(JSON.stringify(trail).replaceAll(email!, "<adresse>"));
      expect(address(actual, batched.email)).toEqual(address(expected, alone.email));
    }
  });

  it("leaves the whole batch to the one-by-one path when a student was prepared meanwhile, writing nothing", async () => {
    const [first, second] = [await student("Course"), await student("Course")];
    const bulk = await newBulk([first.id, second.id]);
    // Another worker prepared the second student between our reads and our transaction.
    await resendActivation(staff, { studentId: second.id }, { copyToStaff: false, bulkSendId: bulk.id });
    expect(await prepareStudentsTogether(staff, bulk.id, [first.id, second.id])).toEqual([first.id, second.id]);
    expect(await getDb().portalAccess.count({ where: { studentId: first.id } })).toBe(0);
    expect(await getDb().bulkSendItem.count({ where: { bulkSendId: bulk.id } })).toBe(1);
  });

  it("leaves students the staff member no longer sees to the one-by-one path", async () => {
    const restricted = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent], schools: [0] });
    const visible = await student("Visible");
    const elsewhere = await createStudent(world, { firstName: "Ailleurs", lastName: "Lot", school: 1 });
    const bulk = await getDb().bulkSend.create({ data: { createdById: restricted.id, selection: "{}", total: 2 } });
    expect(await prepareStudentsTogether(restricted, bulk.id, [elsewhere.id, visible.id])).toEqual([elsewhere.id]);
    expect(await getDb().bulkSendItem.findMany({ where: { bulkSendId: bulk.id }, select: { studentId: true, outcome: true } })).toEqual([
      { studentId: visible.id, outcome: "queued" },
    ]);
  });
});
