/** @jest-environment node */
import { checkActivationToken } from "@/lib/data/activation-links";
import { getAccessHistory, changeEmail, disableAccess, enableAccess, resendActivation } from "@/lib/actions/handlers/access";
import { getStudentAccessOverview } from "@/lib/data/access-overview";
import { getDb } from "@/lib/db";
import { processOutbox } from "@/lib/mail/outbox";
import { ALL_RIGHTS, RIGHTS } from "@/lib/rights";
import { activationTokenIn, captureMail } from "../factories/mail";
import { createStaff, createStudent, createWorld, type World } from "../factories/school";

let world: World;
const mail = captureMail();
let secretariat: Awaited<ReturnType<typeof createStaff>>;

const deliver = (now?: Date) => processOutbox(mail.transport, { limit: 50, now });

beforeAll(async () => {
  world = await createWorld();
  secretariat = await createStaff(world, {
    rights: [RIGHTS.viewStudent, RIGHTS.editStudent],
    email: `secretariat-${Date.now()}@ecole.test`,
  });
});

// Each test starts with an empty outbox and an empty inbox.
beforeEach(async () => {
  await deliver(new Date(Date.now() + 24 * 3600_000));
  mail.smtp.emails.splice(0);
});

describe("Activer l'accès", () => {
  it("enables the access and emails a link to choose a password", async () => {
    const student = await createStudent(world, { firstName: "Hélène", lastName: "Lefèvre", email: "helene@eleves.test" });
    const result = await enableAccess(secretariat, { studentId: student.id });
    expect(result).toEqual({ ok: true, data: { state: "invited", emailQueued: true } });
    expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [email] = mail.smtp.emails;
    expect(email.to).toEqual(["helene@eleves.test"]);
    expect(email.subject).toBe(`Votre accès à l'espace étudiant — ${world.schools[0].school.name}`);
    expect(email.text).toContain("Bonjour Hélène Lefèvre,");
    expect(email.html).toContain("Choisir mon mot de passe");
    const token = activationTokenIn(email.text);
    expect(token).not.toBeNull();
    expect(await checkActivationToken(token!)).toMatchObject({ ok: true });
    const stored = await getDb().activationLink.findFirstOrThrow({ where: { access: { studentId: student.id } } });
    expect(stored.tokenHash).not.toContain(token!);
    const outbox = await getDb().outboxMessage.findFirstOrThrow({ where: { toAddress: "helene@eleves.test" } });
    expect(outbox).toMatchObject({ status: "sent", payload: null, attempts: 1 });
    expect(email.messageId).toBe(outbox.messageId);
  });

  it("refuses a second activation and a person without a valid email", async () => {
    const student = await createStudent(world, { firstName: "Marie", lastName: "Dupont" });
    await enableAccess(secretariat, { studentId: student.id });
    expect(await enableAccess(secretariat, { studentId: student.id })).toEqual({ ok: false, error: "already_enabled" });
    const noEmail = await createStudent(world, { firstName: "Sans", lastName: "Adresse", email: null });
    const invalid = await createStudent(world, { firstName: "Mauvaise", lastName: "Adresse", email: "mauvaise@@adresse" });
    expect(await enableAccess(secretariat, { studentId: noEmail.id })).toEqual({ ok: false, error: "missing_email" });
    expect(await resendActivation(secretariat, { studentId: invalid.id })).toEqual({ ok: false, error: "invalid_email" });
    expect(await getDb().portalAccess.count({ where: { studentId: { in: [noEmail.id, invalid.id] } } })).toBe(0);
  });
});

describe("Renvoyer l'email d'activation", () => {
  it("sends a new link that replaces the old one, with a copy to the staff member on request", async () => {
    const student = await createStudent(world, {
      firstName: "Lucas",
      lastName: "Dupont",
      guardians: [{ firstName: "Sophie", lastName: "Dupont", email: "sophie.dupont@famille.test" }],
    });
    const guardian = await getDb().studentGuardian.findFirstOrThrow({ where: { studentId: student.id } });
    const ref = { studentId: student.id, guardianId: guardian.guardianId };
    expect(await resendActivation(secretariat, { ...ref, copyToStaff: false })).toMatchObject({ ok: true, data: { state: "invited" } });
    await deliver();
    const firstToken = activationTokenIn(mail.smtp.emails[0].text)!;
    expect(mail.smtp.emails[0].text).toContain("suivre la scolarité de Lucas Dupont");

    expect(await resendActivation(secretariat, { ...ref, copyToStaff: true })).toMatchObject({ ok: true });
    expect(await deliver()).toMatchObject({ sent: 2 });
    const original = mail.smtp.emails.slice(1).find((email) => email.to[0] === "sophie.dupont@famille.test")!;
    const copy = mail.smtp.emails.slice(1).find((email) => email.to[0] === secretariat.email)!;
    expect(copy.to).toEqual([secretariat.email]);
    expect(original.to).toEqual(["sophie.dupont@famille.test"]);
    expect(copy.subject).toBe(`[Copie] ${original.subject}`);
    expect(copy.text).toContain("Copie pour information de l'email envoyé à Sophie Dupont (sophie.dupont@famille.test)");
    expect(activationTokenIn(copy.text)).toBe(activationTokenIn(original.text));
    expect(await checkActivationToken(firstToken)).toEqual({ ok: false, reason: "revoked" });
    expect(await checkActivationToken(activationTokenIn(original.text)!)).toMatchObject({ ok: true });

    const history = await getAccessHistory(secretariat, ref);
    expect(history.ok && history.data.map((entry) => [entry.type, entry.copyRequested, entry.deliveries.map((d) => d.status)])).toEqual([
      ["link_sent", true, ["sent", "sent"]],
      ["link_sent", false, ["sent"]],
      ["enabled", false, []],
    ]);
  });

  it("is refused while the access is disabled", async () => {
    const student = await createStudent(world, { firstName: "Zoé", lastName: "Roux" });
    await enableAccess(secretariat, { studentId: student.id });
    expect(await disableAccess(secretariat, { studentId: student.id })).toEqual({
      ok: true,
      data: { state: "disabled", emailQueued: false },
    });
    expect(await resendActivation(secretariat, { studentId: student.id })).toEqual({ ok: false, error: "access_disabled" });
  });
});

describe("Désactiver l'accès", () => {
  it("revokes every pending link and ends portal sessions", async () => {
    const student = await createStudent(world, { firstName: "Noé", lastName: "Martin" });
    await enableAccess(secretariat, { studentId: student.id });
    await deliver();
    const token = activationTokenIn(mail.smtp.emails[0].text)!;
    const before = await getDb().portalAccess.findUniqueOrThrow({ where: { studentId: student.id } });
    await disableAccess(secretariat, { studentId: student.id });
    const after = await getDb().portalAccess.findUniqueOrThrow({ where: { studentId: student.id } });
    expect(await checkActivationToken(token)).toEqual({ ok: false, reason: "disabled" });
    expect(after.sessionVersion).toBeGreaterThan(before.sessionVersion);
    expect(after.disabledById).toBe(secretariat.id);
    expect(await disableAccess(secretariat, { studentId: student.id })).toEqual({ ok: false, error: "not_enabled" });
    const overview = await getStudentAccessOverview(secretariat, student.id);
    expect(overview?.student).toMatchObject({ state: "disabled", disabledBy: secretariat.name });
  });
});

describe("changing an email", () => {
  it("updates the address, keeps search working and revokes links sent to the old one", async () => {
    const student = await createStudent(world, { firstName: "Inès", lastName: "Garnier", email: "ancienne@eleves.test" });
    await resendActivation(secretariat, { studentId: student.id });
    await deliver();
    const token = activationTokenIn(mail.smtp.emails[0].text)!;
    expect(await changeEmail(secretariat, { studentId: student.id, email: "  nouvelle@eleves.test " })).toMatchObject({ ok: true });
    expect(await checkActivationToken(token)).toEqual({ ok: false, reason: "revoked" });
    const updated = await getDb().student.findUniqueOrThrow({ where: { id: student.id } });
    expect(updated).toMatchObject({ email: "nouvelle@eleves.test", hasEmail: true });
    expect(updated.searchText).toContain("nouvelle@eleves.test");
    expect(await changeEmail(secretariat, { studentId: student.id, email: "pas-une-adresse" })).toEqual({
      ok: false,
      error: "invalid_input",
      fieldErrors: { email: ["invalid_email"] },
    });
  });
});

describe("races and second thoughts", () => {
  it("enables once when « Activer l'accès » is confirmed twice at the same time", async () => {
    const student = await createStudent(world, { firstName: "Double", lastName: "Clic", email: "double.clic@eleves.test" });
    const results = await Promise.all([
      enableAccess(secretariat, { studentId: student.id }),
      enableAccess(secretariat, { studentId: student.id }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: "already_enabled" }]);
    await deliver();
    expect(mail.smtp.emails.filter((email) => email.to[0] === "double.clic@eleves.test")).toHaveLength(1);
  });

  it("does not send a queued email once the address was corrected or the access disabled", async () => {
    const wrong = await createStudent(world, { firstName: "Adresse", lastName: "Erronée", email: "faute.de.frappe@eleves.test" });
    await resendActivation(secretariat, { studentId: wrong.id });
    await changeEmail(secretariat, { studentId: wrong.id, email: "bonne.adresse@eleves.test" });
    const disabled = await createStudent(world, { firstName: "Vite", lastName: "Désactivé", email: "vite.desactive@eleves.test" });
    await enableAccess(secretariat, { studentId: disabled.id });
    await disableAccess(secretariat, { studentId: disabled.id });
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(mail.smtp.emails).toHaveLength(0);
    const cancelled = await getDb().outboxMessage.findMany({
      where: { toAddress: { in: ["faute.de.frappe@eleves.test", "vite.desactive@eleves.test"] } },
    });
    expect(cancelled.map((message) => [message.status, message.payload, message.lastError?.split(":")[0]])).toEqual([
      ["failed", null, "cancelled"],
      ["failed", null, "cancelled"],
    ]);
  });
});

describe("outbox", () => {
  it("retries when the SMTP server refuses, and sends once it is back", async () => {
    const student = await createStudent(world, { firstName: "Théo", lastName: "Moreau", email: "theo@eleves.test" });
    await resendActivation(secretariat, { studentId: student.id });
    mail.smtp.refuseWith(451);
    expect(await deliver()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const waiting = await getDb().outboxMessage.findFirstOrThrow({ where: { toAddress: "theo@eleves.test" } });
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting.lastError).toContain("451");
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
    mail.smtp.refuseWith(null);
    expect(await deliver(new Date(Date.now() + 3600_000))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(mail.smtp.emails.map((email) => email.to[0])).toEqual(["theo@eleves.test"]);
    expect(await getDb().outboxMessage.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("fails at once when the recipient is refused, but retries other 5xx answers", async () => {
    const student = await createStudent(world, { firstName: "Léa", lastName: "Faure", email: "lea@eleves.test" });
    await resendActivation(secretariat, { studentId: student.id });
    // A misconfigured server (e.g. refusing the message itself) must not lose the email...
    mail.smtp.refuseWith(554, "data");
    expect(await deliver()).toEqual({ sent: 0, retried: 1, failed: 0 });
    // ...while an unknown mailbox will never accept it.
    mail.smtp.refuseWith(550, "rcpt");
    expect(await deliver(new Date(Date.now() + 3600_000))).toEqual({ sent: 0, retried: 0, failed: 1 });
    mail.smtp.refuseWith(null);
    const failed = await getDb().outboxMessage.findFirstOrThrow({ where: { toAddress: "lea@eleves.test" } });
    expect(failed).toMatchObject({ status: "failed", payload: null });
  });

  it("picks up a message whose sender crashed after claiming it, and sends it once", async () => {
    const student = await createStudent(world, { firstName: "Félix", lastName: "Noël", email: "felix@eleves.test" });
    await resendActivation(secretariat, { studentId: student.id });
    const message = await getDb().outboxMessage.findFirstOrThrow({ where: { toAddress: "felix@eleves.test" } });
    // A worker claimed it, then the process died before sending.
    await getDb().outboxMessage.update({
      where: { id: message.id },
      data: { status: "sending", attempts: 1, lockedUntil: new Date(Date.now() + 120_000) },
    });
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await deliver(new Date(Date.now() + 180_000))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await deliver(new Date(Date.now() + 360_000))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(mail.smtp.emails.filter((email) => email.to[0] === "felix@eleves.test")).toHaveLength(1);
  });
});

describe("rights and bad input", () => {
  let student: { id: string };
  let otherSchoolStudent: { id: string };
  beforeAll(async () => {
    student = await createStudent(world, { firstName: "Adèle", lastName: "Vidal" });
    otherSchoolStudent = await createStudent(world, { firstName: "Rémi", lastName: "Weber", school: 1 });
  });

  const mutations = [
    ["enable", enableAccess],
    ["disable", disableAccess],
    ["resend", resendActivation],
  ] as const;

  it.each(mutations)("%s is refused to roles without Modifier un étudiant and to anonymous callers", async (_name, handler) => {
    const viewer = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    const none = await createStaff(world, { rights: [] });
    for (const caller of [viewer, none])
      expect(await handler(caller, { studentId: student.id })).toEqual({ ok: false, error: "forbidden" });
    expect(await handler(null, { studentId: student.id })).toEqual({ ok: false, error: "unauthenticated" });
    expect(await changeEmail(viewer, { studentId: student.id, email: "x@y.fr" })).toEqual({ ok: false, error: "forbidden" });
    expect(await getDb().portalAccess.count({ where: { studentId: student.id } })).toBe(0);
  });

  it("answers not found for another school's student and unknown ids, changing nothing", async () => {
    const restricted = await createStaff(world, { rights: ALL_RIGHTS, schools: [0] });
    expect(await enableAccess(restricted, { studentId: otherSchoolStudent.id })).toEqual({ ok: false, error: "not_found" });
    expect(await resendActivation(secretariat, { studentId: "inconnu" })).toEqual({ ok: false, error: "not_found" });
    expect(await resendActivation(secretariat, { studentId: student.id, guardianId: "inconnu" })).toEqual({
      ok: false,
      error: "not_found",
    });
    const strangerParent = await createStudent(world, {
      firstName: "Autre",
      lastName: "Famille",
      guardians: [{ firstName: "Paul", lastName: "Famille" }],
    });
    const { guardianId } = await getDb().studentGuardian.findFirstOrThrow({ where: { studentId: strangerParent.id } });
    expect(await resendActivation(secretariat, { studentId: student.id, guardianId })).toEqual({ ok: false, error: "not_found" });
    expect(await getDb().portalAccess.count({ where: { OR: [{ studentId: otherSchoolStudent.id }, { guardianId }] } })).toBe(0);
  });

  it.each([
    ["a huge id", { studentId: "a".repeat(10_000) }],
    ["a malformed id", { studentId: "../../etc" }],
    ["a non-boolean copy flag", { studentId: "abc", copyToStaff: "oui" }],
    ["no input", null],
  ])("refuses %s with invalid_input", async (_label, input) => {
    expect(await resendActivation(secretariat, input)).toMatchObject({ ok: false, error: "invalid_input" });
  });

  it("refuses an address whose local part is over RFC 5321's 64 characters, and keeps the old one", async () => {
    const before = await getDb().student.findUniqueOrThrow({ where: { id: student.id }, select: { email: true } });
    const result = await changeEmail(secretariat, { studentId: student.id, email: `${"a".repeat(65)}@exemple.fr` });
    expect(result).toMatchObject({ ok: false, error: "invalid_input", fieldErrors: { email: ["invalid_email"] } });
    expect(await getDb().student.findUniqueOrThrow({ where: { id: student.id }, select: { email: true } })).toEqual(before);
    expect(await changeEmail(secretariat, { studentId: student.id, email: `${"a".repeat(64)}@exemple.fr` })).toMatchObject({ ok: true });
  });

  it("refuses a huge email address", async () => {
    const result = await changeEmail(secretariat, { studentId: student.id, email: `${"a".repeat(300)}@exemple.fr` });
    expect(result).toMatchObject({ ok: false, error: "invalid_input", fieldErrors: { email: ["invalid_email"] } });
  });
});
