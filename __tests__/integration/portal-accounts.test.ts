/** @jest-environment node */
import { disableAccess, enableAccess, resendActivation } from "@/lib/actions/handlers/access";
import { sendLinksToAddress } from "@/lib/data/access/send-links-to-address";
import { changePortalPassword, findPortalAccount, loadPortalHome } from "@/lib/data/portal-accounts";
import { choosePassword, describeActivationLink } from "@/lib/data/portal-activation";
import { closePortalSession, openPortalSession } from "@/lib/data/portal-sessions";
import { getDb } from "@/lib/db";
import { RIGHTS } from "@/lib/rights";
import { captureMail, deliverLinkTo } from "../factories/mail";
import { createStaff, createStudent, createWorld, type World } from "../factories/school";

let world: World;
const mail = captureMail();
let staff: Awaited<ReturnType<typeof createStaff>>;
const PASSWORD = "cheval agrafe batterie correcte";

beforeAll(async () => {
  world = await createWorld();
  staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
});

/** Sends the person a link and chooses their password through it, as they would. */
async function activate(ref: { studentId: string; guardianId?: string }, email: string, password = PASSWORD) {
  await resendActivation(staff, ref);
  expect(await choosePassword(await deliverLinkTo(mail, email), password)).toMatchObject({ ok: true });
}

/** Signs in as the sign-in action does: the credentials, then a recorded session. */
async function signIn(email: string, password: string) {
  const account = await findPortalAccount(email, password);
  if (!account.ok) throw new Error(`sign-in failed: ${account.reason}`);
  return openPortalSession(account);
}

describe("portal sign-in", () => {
  it("signs a student in with their email and password, and refuses anything else alike", async () => {
    const student = await createStudent(world, { firstName: "Inès", lastName: "Portail", email: "ines.portail@lycee.test" });
    await activate({ studentId: student.id }, "ines.portail@lycee.test");
    const signedIn = await findPortalAccount("  Ines.Portail@lycee.test".toLowerCase(), PASSWORD);
    expect(signedIn).toMatchObject({ ok: true });
    expect(await findPortalAccount("ines.portail@lycee.test", "mauvais mot de passe")).toEqual({ ok: false, reason: "invalid" });
    expect(await findPortalAccount("personne@lycee.test", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    const access = await getDb().portalAccess.findUniqueOrThrow({ where: { studentId: student.id } });
    expect(access.lastSignInAt).not.toBeNull();
  });

  it("says the access is disabled only to someone who knows the password", async () => {
    const student = await createStudent(world, { firstName: "Noé", lastName: "Portail", email: "noe.portail@lycee.test" });
    await activate({ studentId: student.id }, "noe.portail@lycee.test");
    await disableAccess(staff, { studentId: student.id });
    expect(await findPortalAccount("noe.portail@lycee.test", PASSWORD)).toEqual({ ok: false, reason: "disabled" });
    expect(await findPortalAccount("noe.portail@lycee.test", "mauvais mot de passe")).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("portal home and session", () => {
  it("shows a parent each of their children", async () => {
    const elder = await createStudent(world, {
      firstName: "Léa",
      lastName: "Famille",
      guardians: [{ firstName: "Sophie", lastName: "Famille", email: "sophie.famille@maison.test" }],
    });
    const { guardianId } = await getDb().studentGuardian.findFirstOrThrow({ where: { studentId: elder.id } });
    await createStudent(world, {
      firstName: "Tom",
      lastName: "Famille",
      school: 1,
      guardians: [{ id: guardianId, firstName: "", lastName: "" }],
    });
    await activate({ studentId: elder.id, guardianId }, "sophie.famille@maison.test");
    const session = await signIn("sophie.famille@maison.test", PASSWORD);
    const home = await loadPortalHome(session);
    expect(home).toMatchObject({ kind: "guardian", name: "Sophie Famille" });
    expect(home?.kind === "guardian" && home.children.map((child) => [child.firstName, child.school])).toEqual([
      ["Léa", world.schools[0].school.name],
      ["Tom", world.schools[1].school.name],
    ]);
  });

  it("ends open sessions after a deactivation or a new link", async () => {
    const student = await createStudent(world, { firstName: "Zoé", lastName: "Session", email: "zoe.session@lycee.test" });
    await activate({ studentId: student.id }, "zoe.session@lycee.test");
    let session = await signIn("zoe.session@lycee.test", PASSWORD);
    expect(await loadPortalHome(session)).toMatchObject({ kind: "student", student: { firstName: "Zoé" } });

    await resendActivation(staff, { studentId: student.id });
    expect(await loadPortalHome(session)).toBeNull();

    session = await signIn("zoe.session@lycee.test", PASSWORD);
    await disableAccess(staff, { studentId: student.id });
    expect(await loadPortalHome(session)).toBeNull();
    await enableAccess(staff, { studentId: student.id });
    expect(await loadPortalHome(session)).toBeNull();
  });
});

describe("signing out", () => {
  it("ends that session for good, and only that one", async () => {
    const student = await createStudent(world, { firstName: "Yanis", lastName: "Sortie", email: "yanis.sortie@lycee.test" });
    await activate({ studentId: student.id }, "yanis.sortie@lycee.test");
    const phone = await signIn("yanis.sortie@lycee.test", PASSWORD);
    const laptop = await signIn("yanis.sortie@lycee.test", PASSWORD);
    await closePortalSession(phone);
    // A copy of the phone's cookie is worth nothing now; the laptop stays signed in.
    expect(await loadPortalHome(phone)).toBeNull();
    expect(await changePortalPassword(phone, PASSWORD, "une nouvelle phrase bien longue")).toEqual({ ok: false, reason: "session" });
    expect(await loadPortalHome(laptop)).toMatchObject({ kind: "student", name: "Yanis Sortie" });
    // A session id made up or taken from another person's access opens nothing.
    const other = await createStudent(world, { firstName: "Autre", lastName: "Sortie", email: "autre.sortie@lycee.test" });
    await activate({ studentId: other.id }, "autre.sortie@lycee.test");
    const otherAccess = await getDb().portalAccess.findUniqueOrThrow({ where: { studentId: other.id } });
    expect(await loadPortalHome({ ...laptop, accessId: otherAccess.id, sessionVersion: otherAccess.sessionVersion })).toBeNull();
    expect(await loadPortalHome({ ...laptop, id: "invente" })).toBeNull();
  });

  it("lets a session lapse after its lifetime", async () => {
    const student = await createStudent(world, { firstName: "Lina", lastName: "Expire", email: "lina.expire@lycee.test" });
    await activate({ studentId: student.id }, "lina.expire@lycee.test");
    const account = await findPortalAccount("lina.expire@lycee.test", PASSWORD);
    if (!account.ok) throw new Error("sign-in failed");
    const yesterday = await openPortalSession(account, new Date(Date.now() - 13 * 3600_000));
    expect(await loadPortalHome(yesterday)).toBeNull();
  });
});

describe("new link on request (« Mot de passe oublié ? », « Recevoir un nouveau lien »)", () => {
  it("sends a fresh link to an enabled access only; the new password ends sessions and every other link", async () => {
    const student = await createStudent(world, { firstName: "Oubli", lastName: "Portail", email: "oubli.portail@lycee.test" });
    await activate({ studentId: student.id }, "oubli.portail@lycee.test");
    const session = await signIn("oubli.portail@lycee.test", PASSWORD);
    const requestLink = async () => {
      expect(await sendLinksToAddress("OUBLI.PORTAIL@lycee.test")).toBe(1);
      const token = await deliverLinkTo(mail, "oubli.portail@lycee.test");
      expect(mail.smtp.emails.at(-1)?.to).toEqual(["oubli.portail@lycee.test"]);
      return token;
    };
    const first = await requestLink();
    const second = await requestLink();
    // Anyone may ask for a link with an address: asking neither signs the person out nor spoils a link.
    expect(await loadPortalHome(session)).not.toBeNull();
    expect(await describeActivationLink(first)).toMatchObject({ ok: true, target: { purpose: "reset" } });

    expect(await choosePassword(second, "une nouvelle phrase bien longue")).toMatchObject({ ok: true });
    expect(await loadPortalHome(session)).toBeNull();
    expect(await choosePassword(first, "encore une autre phrase longue")).toEqual({ ok: false, reason: "password_set" });
    expect(await findPortalAccount("oubli.portail@lycee.test", "une nouvelle phrase bien longue")).toMatchObject({ ok: true });
    expect(await findPortalAccount("oubli.portail@lycee.test", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    const events = await getDb().accessEvent.findMany({ where: { access: { studentId: student.id } }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => [event.type, event.actorId === null])).toEqual(
      expect.arrayContaining([
        ["link_requested", true],
        ["password_reset", true],
      ]),
    );
    expect(events.at(-1)?.type).toBe("password_reset");
  });

  it("sends nothing for unknown, disabled or never-enabled addresses", async () => {
    const never = await createStudent(world, { firstName: "Jamais", lastName: "Active", email: "jamais.active@lycee.test" });
    const disabled = await createStudent(world, { firstName: "Plus", lastName: "Active", email: "plus.active@lycee.test" });
    await enableAccess(staff, { studentId: disabled.id });
    await disableAccess(staff, { studentId: disabled.id });
    expect(await sendLinksToAddress("inconnu@lycee.test")).toBe(0);
    expect(await sendLinksToAddress("jamais.active@lycee.test")).toBe(0);
    expect(await sendLinksToAddress("plus.active@lycee.test")).toBe(0);
    expect(await getDb().portalAccess.count({ where: { studentId: never.id } })).toBe(0);
  });
});

describe("changing one's password from the portal", () => {
  it("needs the current password, applies the rules, and ends the other sessions", async () => {
    const student = await createStudent(world, { firstName: "Change", lastName: "Portail", email: "change.portail@lycee.test" });
    await activate({ studentId: student.id }, "change.portail@lycee.test");
    const here = await signIn("change.portail@lycee.test", PASSWORD);
    const elsewhere = await signIn("change.portail@lycee.test", PASSWORD);
    expect(await sendLinksToAddress("change.portail@lycee.test")).toBe(1);
    const pending = await deliverLinkTo(mail, "change.portail@lycee.test");
    expect(await changePortalPassword(here, "pas le bon", "une nouvelle phrase bien longue")).toEqual({
      ok: false,
      reason: "wrong_current",
    });
    expect(await changePortalPassword(here, PASSWORD, "court")).toEqual({ ok: false, reason: "weak_password", problems: ["too_short"] });
    const changed = await changePortalPassword(here, PASSWORD, "une nouvelle phrase bien longue");
    expect(changed).toEqual({ ok: true, sessionVersion: here.sessionVersion + 1 });
    expect(await loadPortalHome(elsewhere)).toBeNull();
    expect(await loadPortalHome({ ...here, sessionVersion: here.sessionVersion + 1 })).toMatchObject({ kind: "student" });
    expect(await findPortalAccount("change.portail@lycee.test", "une nouvelle phrase bien longue")).toMatchObject({ ok: true });
    expect(await changePortalPassword(elsewhere, "une nouvelle phrase bien longue", "encore une autre phrase longue")).toEqual({
      ok: false,
      reason: "session",
    });
    // A link asked for earlier cannot undo the new password.
    expect(await describeActivationLink(pending)).toEqual({ ok: false, reason: "password_set" });
  });
});
