/** @jest-environment node */
import { changeEmail, enableAccess, resendActivation, sendReminder } from "@/lib/actions/handlers/access";
import { startBulkReminder, startBulkSend } from "@/lib/actions/handlers/bulk";
import { sendLinksToAddress } from "@/lib/data/access/send-links-to-address";
import { choosePassword, describeActivationLink } from "@/lib/data/portal-activation";
import { loadStaffContext } from "@/lib/data/staff";
import { getDb } from "@/lib/db";
import { prepareBulkSends } from "@/lib/jobs/bulk-sends";
import { runAutomaticReminders } from "@/lib/jobs/reminders";
import { processOutbox } from "@/lib/mail/outbox";
import { RIGHTS, type StaffContext } from "@/lib/rights";
import type { CapturedEmail } from "@/scripts/lib/smtp-capture";
import { activationTokenIn, captureMail } from "../factories/mail";
import { createStaff, createStudent, createWorld, uniqueSuffix, type World } from "../factories/school";

// Issue 12: each student and parent receives their emails in their own language (French unless set),
// over real SMTP; the staff member's copy is in the staff member's language. The school's clock
// writes the link's expiry: school A is in Guadeloupe (UTC−4) here, so a Paris date would show.

let world: World;
const mail = captureMail();
let staff: StaffContext;
let englishStaff: StaffContext;
const PASSWORD = "cheval agrafe batterie correcte";
const TIME_ZONE = "America/Guadeloupe";

beforeAll(async () => {
  world = await createWorld();
  await getDb().school.update({ where: { id: world.schools[0].school.id }, data: { timeZone: TIME_ZONE } });
  staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
  const english = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
  await getDb().staffUser.update({ where: { id: english.id }, data: { locale: "en" } });
  englishStaff = (await loadStaffContext(english.id))!;
});

const schoolName = () => world.schools[0].school.name;
const address = (name: string) => `${name}-${uniqueSuffix()}@langues.test`;

/** Sends what is queued; what arrived meanwhile, for `to`. */
async function deliveredTo(to: string): Promise<CapturedEmail[]> {
  const before = mail.smtp.emails.length;
  await processOutbox(mail.transport, { limit: 100 });
  return mail.smtp.emails.slice(before).filter((email) => email.to.includes(to));
}

/** The language the email's HTML declares (<html lang>). */
const langOf = (email: CapturedEmail) => email.html.match(/<html[^>]*\slang="([^"]+)"/)?.[1];

/** The expiry of the person's current link, as the school's clock reads it in each language. */
async function expiryOf(ref: { studentId: string } | { guardianId: string }) {
  const access = await getDb().portalAccess.findUniqueOrThrow({ where: ref });
  const at = (locale: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE }).format(access.linkExpiresAt!);
  return {
    en: at("en-GB"),
    fr: at("fr-FR"),
    parisFr: new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(
      access.linkExpiresAt!,
    ),
  };
}

/** A student with one parent, both with addresses; the parent's language as given. */
async function family(childFirstName: string, parentLocale: "fr" | "en", studentLocale: "fr" | "en" = "fr") {
  const parentEmail = address(`parent-${parentLocale}`);
  const student = await createStudent(world, {
    firstName: childFirstName,
    lastName: "Langue",
    email: address("eleve"),
    guardians: [{ firstName: "Sam", lastName: "Langue", email: parentEmail }],
  });
  const { id: guardianId } = await getDb().guardian.findFirstOrThrow({ where: { email: parentEmail } });
  await getDb().guardian.update({ where: { id: guardianId }, data: { locale: parentLocale } });
  await getDb().student.update({ where: { id: student.id }, data: { locale: studentLocale } });
  return { student, guardianId, parentEmail, studentEmail: student.email! };
}

describe("the first email, in the person's language", () => {
  it("invites an English-speaking parent in English: subject, lang, words, an English date on the school's clock", async () => {
    const { student, guardianId, parentEmail } = await family("Anaïs", "en");
    expect(await enableAccess(staff, { studentId: student.id, guardianId })).toMatchObject({ ok: true, data: { emailQueued: true } });
    const [email] = await deliveredTo(parentEmail);
    const expiry = await expiryOf({ guardianId });
    expect(email.subject).toBe(`Your student portal access — ${schoolName()}`);
    expect(langOf(email)).toBe("en");
    expect(email.text).toContain("Hello Sam Langue,");
    expect(email.text).toContain(`it lets you follow the school life of Anaïs Langue.`);
    expect(email.text).toContain(`This link is valid until ${expiry.en}.`);
    expect(expiry.en).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}$/);
    expect(email.text).not.toMatch(/Bonjour|valable|scolarité/);
    // The link in it works like any other.
    expect(await describeActivationLink(activationTokenIn(email.text)!)).toMatchObject({ ok: true });
  });

  it("invites a French-speaking parent in French, with « d' » before a child's name that starts with a vowel", async () => {
    const { student, guardianId, parentEmail } = await family("Émile", "fr");
    await enableAccess(staff, { studentId: student.id, guardianId });
    const [email] = await deliveredTo(parentEmail);
    const expiry = await expiryOf({ guardianId });
    expect(email.subject).toBe(`Votre accès à l'espace étudiant — ${schoolName()}`);
    expect(langOf(email)).toBe("fr");
    expect(email.text).toContain("Bonjour Sam Langue,");
    expect(email.text).toContain("il vous permet de suivre la scolarité d'Émile Langue.");
    expect(email.text).not.toContain("de Émile");
    expect(email.text).toContain(`Ce lien est valable jusqu'au ${expiry.fr}.`);
    // On the school's clock (Guadeloupe), not Paris's.
    expect(expiry.fr).not.toBe(expiry.parisFr);
    expect(email.text).not.toContain(expiry.parisFr);
  });

  it("keeps « de » before a consonant", async () => {
    const { student, guardianId, parentEmail } = await family("Bruno", "fr");
    await enableAccess(staff, { studentId: student.id, guardianId });
    const [email] = await deliveredTo(parentEmail);
    expect(email.text).toContain("il vous permet de suivre la scolarité de Bruno Langue.");
  });
});

describe("the staff member's copy, in the staff member's language", () => {
  it("sends a French student the French email and an English-speaking staff member an English copy", async () => {
    const { student, studentEmail } = await family("Chloé", "fr");
    expect(await resendActivation(englishStaff, { studentId: student.id, copyToStaff: true })).toMatchObject({ ok: true });
    const before = mail.smtp.emails.length;
    await processOutbox(mail.transport, { limit: 100 });
    const arrived = mail.smtp.emails.slice(before);
    const original = arrived.find((email) => email.to.includes(studentEmail))!;
    const copy = arrived.find((email) => email.to.includes(englishStaff.email))!;
    expect(original.subject).toBe(`Votre accès à l'espace étudiant — ${schoolName()}`);
    expect(langOf(original)).toBe("fr");
    expect(copy.subject).toBe(`[Copy] Your student portal access — ${schoolName()}`);
    expect(langOf(copy)).toBe("en");
    expect(copy.text).toContain(`For your information: this is a copy of the email sent to Chloé Langue (${studentEmail}).`);
    expect(copy.text).toContain(`This link is valid until ${(await expiryOf({ studentId: student.id })).en}.`);
    // The same link in both.
    expect(activationTokenIn(copy.text)).toBe(activationTokenIn(original.text));
  });

  it("sends an English-speaking parent's reminder in English and a French-speaking staff member's copy in French", async () => {
    const { student, guardianId, parentEmail } = await family("Hugo", "en");
    await enableAccess(staff, { studentId: student.id, guardianId });
    await deliveredTo(parentEmail);
    expect(await sendReminder(staff, { studentId: student.id, guardianId, copyToStaff: true })).toMatchObject({ ok: true });
    const before = mail.smtp.emails.length;
    await processOutbox(mail.transport, { limit: 100 });
    const arrived = mail.smtp.emails.slice(before);
    const reminder = arrived.find((email) => email.to.includes(parentEmail))!;
    const copy = arrived.find((email) => email.to.includes(staff.email))!;
    expect(reminder.subject).toBe(`Reminder: activate your student portal access — ${schoolName()}`);
    expect(reminder.text).toContain("You haven't activated your access to the");
    expect(copy.subject).toBe(`[Copie] Rappel : activez votre accès à l'espace étudiant — ${schoolName()}`);
    expect(copy.text).toContain("Copie pour information de l'email envoyé à Sam Langue");
    expect(copy.text).toContain("la scolarité d'Hugo Langue");
  });
});

describe("every other path, in the person's language", () => {
  it("sends a new password to an active English-speaking student, and answers their « Mot de passe oublié ? » in English", async () => {
    const { student, studentEmail } = await family("Inès", "fr", "en");
    await resendActivation(staff, { studentId: student.id, copyToStaff: false });
    const [invitation] = await deliveredTo(studentEmail);
    expect(invitation.subject).toBe(`Your student portal access — ${schoolName()}`);
    expect(await choosePassword(activationTokenIn(invitation.text)!, PASSWORD)).toMatchObject({ ok: true });

    await resendActivation(staff, { studentId: student.id, copyToStaff: false });
    const [staffReset] = await deliveredTo(studentEmail);
    expect(staffReset.subject).toBe(`Choose a new password — ${schoolName()}`);
    expect(staffReset.text).toContain("Your current password keeps working until you choose a new one");

    expect(await sendLinksToAddress(studentEmail)).toBe(1);
    const [selfReset] = await deliveredTo(studentEmail);
    expect(selfReset.subject).toBe(`Your new password request — ${schoolName()}`);
    expect(langOf(selfReset)).toBe("en");
    expect(selfReset.text).toContain("If this wasn't you, you can safely ignore this email");
  });

  it("writes to each student of a bulk send in their own language", async () => {
    const english = await family("Jade", "fr", "en");
    const french = await family("Karim", "fr", "fr");
    const started = await startBulkSend(staff, { selection: { studentIds: [english.student.id, french.student.id] } });
    if (!started.ok) throw new Error(started.error);
    while ((await prepareBulkSends({ maxStudents: 10 })) > 0);
    const before = mail.smtp.emails.length;
    await processOutbox(mail.transport, { limit: 100 });
    const arrived = mail.smtp.emails.slice(before);
    expect(arrived.find((email) => email.to.includes(english.studentEmail))!.subject).toBe(`Your student portal access — ${schoolName()}`);
    expect(arrived.find((email) => email.to.includes(french.studentEmail))!.subject).toBe(
      `Votre accès à l'espace étudiant — ${schoolName()}`,
    );
    expect(arrived.find((email) => email.to.includes(english.studentEmail))!.text).toContain(
      `This link is valid until ${(await expiryOf({ studentId: english.student.id })).en}.`,
    );
  });

  it("reminds the parents of a selection each in their language", async () => {
    const english = await family("Léa", "en");
    const french = await family("Marc", "fr");
    for (const { student, guardianId } of [english, french]) await enableAccess(staff, { studentId: student.id, guardianId });
    await processOutbox(mail.transport, { limit: 100 });
    const started = await startBulkReminder(staff, {
      selection: { studentIds: [english.student.id, french.student.id] },
      audience: "guardians",
    });
    if (!started.ok) throw new Error(started.error);
    while ((await prepareBulkSends({ maxStudents: 10 })) > 0);
    const before = mail.smtp.emails.length;
    await processOutbox(mail.transport, { limit: 100 });
    const arrived = mail.smtp.emails.slice(before);
    const toEnglish = arrived.find((email) => email.to.includes(english.parentEmail))!;
    const toFrench = arrived.find((email) => email.to.includes(french.parentEmail))!;
    expect(toEnglish.subject).toBe(`Reminder: activate your student portal access — ${schoolName()}`);
    expect(toEnglish.text).toContain("follow the school life of Léa Langue");
    expect(toFrench.subject).toBe(`Rappel : activez votre accès à l'espace étudiant — ${schoolName()}`);
    expect(toFrench.text).toContain("suivre la scolarité de Marc Langue");
  });

  it("sends an automatic reminder to an English-speaking parent in English", async () => {
    const { student, guardianId, parentEmail } = await family("Noé", "en");
    await enableAccess(staff, { studentId: student.id, guardianId });
    await deliveredTo(parentEmail);
    await getDb().school.update({
      where: { id: world.schools[0].school.id },
      data: { autoRemindersEnabled: true, reminderWindowStart: 0, reminderWindowEnd: 1440 },
    });
    const result = await runAutomaticReminders({ now: new Date(Date.now() + 3.01 * 24 * 3600_000) });
    expect(result.queued).toBeGreaterThanOrEqual(1);
    const [reminder] = await deliveredTo(parentEmail);
    expect(reminder.subject).toBe(`Reminder: activate your student portal access — ${schoolName()}`);
    expect(langOf(reminder)).toBe("en");
  });
});

describe("« Modifier l'email »: the language of the emails, saved with the address", () => {
  it("saves the address and the language together; the next email is in the new language", async () => {
    const { student, guardianId } = await family("Olga", "fr");
    const newAddress = address("olga-parent");
    expect(await changeEmail(staff, { studentId: student.id, guardianId, email: newAddress, locale: "en" })).toMatchObject({ ok: true });
    expect(await getDb().guardian.findUniqueOrThrow({ where: { id: guardianId } })).toMatchObject({ email: newAddress, locale: "en" });
    await enableAccess(staff, { studentId: student.id, guardianId });
    const [email] = await deliveredTo(newAddress);
    expect(email.subject).toBe(`Your student portal access — ${schoolName()}`);
  });

  it("changes the language alone without touching the address or the pending link", async () => {
    const { student, studentEmail } = await family("Pia", "fr");
    await enableAccess(staff, { studentId: student.id });
    const [invitation] = await deliveredTo(studentEmail);
    expect(await changeEmail(staff, { studentId: student.id, email: studentEmail, locale: "en" })).toEqual({
      ok: true,
      data: { state: "invited", emailQueued: false },
    });
    expect(await getDb().student.findUniqueOrThrow({ where: { id: student.id } })).toMatchObject({ email: studentEmail, locale: "en" });
    expect(await describeActivationLink(activationTokenIn(invitation.text)!)).toMatchObject({ ok: true });
    expect(await getDb().accessEvent.count({ where: { type: "email_changed", email: studentEmail } })).toBe(0);
    // Nothing changed at all: refused as before.
    expect(await changeEmail(staff, { studentId: student.id, email: studentEmail, locale: "en" })).toEqual({
      ok: false,
      error: "same_email",
    });
    // No language given: it stays as it is.
    const other = address("pia");
    expect(await changeEmail(staff, { studentId: student.id, email: other })).toMatchObject({ ok: true });
    expect(await getDb().student.findUniqueOrThrow({ where: { id: student.id } })).toMatchObject({ email: other, locale: "en" });
  });

  it("accepts only the languages Sésame speaks, and only from staff who may edit students", async () => {
    const { student } = await family("Quentin", "fr");
    const viewer = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    const otherSchool = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent], schools: [1] });
    for (const locale of ["de", "EN"]) {
      expect(await changeEmail(staff, { studentId: student.id, email: student.email!, locale })).toMatchObject({
        ok: false,
        error: "invalid_input",
      });
    }
    expect(await changeEmail(viewer, { studentId: student.id, email: student.email!, locale: "en" })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await changeEmail(otherSchool, { studentId: student.id, email: student.email!, locale: "en" })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await getDb().student.findUniqueOrThrow({ where: { id: student.id } })).toMatchObject({ locale: "fr" });
  });
});
