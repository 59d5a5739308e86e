/** @jest-environment node */
import { resendActivation } from "@/lib/data/access/resend-activation";
import { sendLinksToAddress } from "@/lib/data/access/send-links-to-address";
import { choosePassword } from "@/lib/data/portal-activation";
import { getDb } from "@/lib/db";
import { newRowId } from "@/lib/db/insert-sql";
import { getEnv } from "@/lib/env";
import { processOutbox } from "@/lib/mail/outbox";
import { encryptPayload } from "@/lib/mail/payload-crypto";
import { RIGHTS } from "@/lib/rights";
import type { CapturedEmail } from "@/scripts/lib/smtp-capture";
import { activationTokenIn, captureMail, deliverLinkTo } from "../factories/mail";
import { createStaff, createStudent, createWorld, type World } from "../factories/school";

// Each purpose's email as the person receives it from the real SMTP server: subject, words, link,
// the portal's sign-in address, the school as sender name and its contact address as Reply-To.

let world: World;
const mail = captureMail();
let staff: Awaited<ReturnType<typeof createStaff>>;
const PASSWORD = "cheval agrafe batterie correcte";
const CONTACT = "secretariat@lycee-a.test";
const SIGN_IN_URL = `${getEnv().APP_URL}/espace-etudiant/connexion`;

beforeAll(async () => {
  world = await createWorld();
  await getDb().school.update({ where: { id: world.schools[0].school.id }, data: { contactEmail: CONTACT } });
  staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent], email: `secretariat-${Date.now()}@ecole.test` });
});

/** Sends what is queued and returns what arrived for `address` meanwhile. */
async function receivedBy(address: string): Promise<CapturedEmail[]> {
  const before = mail.smtp.emails.length;
  await processOutbox(mail.transport, { limit: 50 });
  return mail.smtp.emails.slice(before).filter((email) => email.to.includes(address));
}

/** Words of the email without its addresses (the link's path is /activation/… whatever it is for). */
const wording = (email: CapturedEmail) => `${email.subject}\n${email.text.replace(/https?:\/\/\S+/g, "")}`;

async function activeStudent(firstName: string, email: string) {
  const student = await createStudent(world, { firstName, lastName: "Courriel", email });
  await resendActivation(staff, { studentId: student.id }, { copyToStaff: false });
  expect(await choosePassword(await deliverLinkTo(mail, email), PASSWORD)).toMatchObject({ ok: true, reset: false });
  return student;
}

describe("the email for each purpose, as received", () => {
  it("invites a person who never had a password, from the school via Sésame, replies to the school", async () => {
    const student = await createStudent(world, { firstName: "Anna", lastName: "Courriel", email: "anna.courriel@eleves.test" });
    await resendActivation(staff, { studentId: student.id }, { copyToStaff: false });
    const [email] = await receivedBy("anna.courriel@eleves.test");
    expect(email.subject).toBe(`Votre accès à l'espace étudiant — ${world.schools[0].school.name}`);
    expect(email.from).toContain(`${world.schools[0].school.name} via Sésame`);
    expect(email.replyTo).toBe(CONTACT);
    expect(email.text).toContain("Bonjour Anna Courriel,");
    expect(email.text).toContain("Pour l'activer, choisissez votre mot de passe");
    expect(email.text).toContain(SIGN_IN_URL);
    expect(activationTokenIn(email.text)).not.toBeNull();
  });

  it("sends a staff reset to an active person, and its copy to staff, without any activation wording", async () => {
    const student = await activeStudent("Basile", "basile.courriel@eleves.test");
    await resendActivation(staff, { studentId: student.id }, { copyToStaff: true });
    const before = mail.smtp.emails.length;
    await processOutbox(mail.transport, { limit: 50 });
    const arrived = mail.smtp.emails.slice(before);
    const email = arrived.find((received) => received.to.includes("basile.courriel@eleves.test"))!;
    const copy = arrived.find((received) => received.to.includes(staff.email))!;
    const school = world.schools[0].school.name;
    expect(email.subject).toBe(`Choisissez un nouveau mot de passe — ${school}`);
    expect(email.text).toContain("Bonjour Basile Courriel,");
    expect(email.text).toContain("pour choisir un nouveau mot de passe");
    expect(email.text).toContain(SIGN_IN_URL);
    expect(email.replyTo).toBe(CONTACT);
    expect(wording(email)).not.toMatch(/activ/i);
    expect(copy.subject).toBe(`[Copie] Choisissez un nouveau mot de passe — ${school}`);
    expect(copy.text).toContain("Copie pour information de l'email envoyé à Basile Courriel (basile.courriel@eleves.test).");
    expect(wording(copy)).not.toMatch(/activ/i);
    // Choosing the password through it is a reset: the portal's welcome note speaks of a new password.
    expect(await choosePassword(activationTokenIn(email.text)!, "une toute nouvelle phrase secrète")).toMatchObject({
      ok: true,
      reset: true,
    });
  });

  it("answers « Mot de passe oublié ? » with the self-requested reset, read back from the SMTP server", async () => {
    await activeStudent("Céleste", "celeste.courriel@eleves.test");
    expect(await sendLinksToAddress("Celeste.Courriel@eleves.test")).toBe(1);
    const [email] = await receivedBy("celeste.courriel@eleves.test");
    expect(email.subject).toBe(`Votre demande de nouveau mot de passe — ${world.schools[0].school.name}`);
    expect(email.from).toContain(`${world.schools[0].school.name} via Sésame`);
    expect(email.replyTo).toBe(CONTACT);
    expect(email.text).toContain("Bonjour Céleste Courriel,");
    expect(email.text).toContain("Vous avez demandé à choisir un nouveau mot de passe");
    expect(email.text).toContain("Si ce n'est pas vous, ignorez cet email");
    expect(email.text).toContain(SIGN_IN_URL);
    expect(wording(email)).not.toMatch(/activ/i);
    expect(await choosePassword(activationTokenIn(email.text)!, "une toute nouvelle phrase secrète")).toMatchObject({
      ok: true,
      reset: true,
    });
  });

  it("has no Reply-To when the school has no contact address", async () => {
    const student = await createStudent(world, { firstName: "Dina", lastName: "Courriel", email: "dina.courriel@eleves.test", school: 1 });
    await resendActivation(staff, { studentId: student.id }, { copyToStaff: false });
    const [email] = await receivedBy("dina.courriel@eleves.test");
    expect(email.from).toContain(`${world.schools[1].school.name} via Sésame`);
    expect(email.replyTo).toBe("");
  });

  it("still sends a row queued before purposes existed, as the invitation it was", async () => {
    const now = new Date();
    const school = world.schools[0].school.name;
    const activation = {
      schoolName: school,
      recipientName: "Élise Ancienne",
      studentNames: [],
      activationUrl: `${getEnv().APP_URL}/activation/${"a".repeat(43)}`,
      expiresAt: "2 décembre 2026 à 14:05",
    };
    await getDb().outboxMessage.create({
      data: {
        id: newRowId(),
        kind: "activation",
        toAddress: "elise.ancienne@eleves.test",
        subject: `Votre accès à l'espace étudiant — ${school}`,
        payload: encryptPayload(getEnv().AUTH_SECRET, { activation }),
        messageId: `<ancien-${Date.now()}@sesame.test>`,
        status: "pending",
        attempts: 0,
        nextAttemptAt: now,
      },
    });
    const [email] = await receivedBy("elise.ancienne@eleves.test");
    expect(email.subject).toBe(`Votre accès à l'espace étudiant — ${school}`);
    expect(email.text).toContain("Bonjour Élise Ancienne,");
    expect(email.text).toContain("Pour l'activer, choisissez votre mot de passe");
  });
});
