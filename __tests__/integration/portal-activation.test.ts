/** @jest-environment node */
import { accessState } from "@/lib/access/state";
import { createLinkToken } from "@/lib/access/tokens";
import * as portalActions from "@/lib/actions/portal";
import { disableAccess, enableAccess, resendActivation } from "@/lib/actions/handlers/access";
import { sendLinksToAddress } from "@/lib/data/access/send-links-to-address";
import { choosePassword, describeActivationLink } from "@/lib/data/portal-activation";
import { loadPortalHome } from "@/lib/data/portal-accounts";
import { openPortalSession } from "@/lib/data/portal-sessions";
import { getDb } from "@/lib/db";
import { verifyPassword } from "@/lib/passwords";
import { RIGHTS } from "@/lib/rights";
import { captureMail, deliverLinkTo } from "../factories/mail";
import { createStaff, createStudent, createWorld, type World } from "../factories/school";

let world: World;
const mail = captureMail();
let staff: Awaited<ReturnType<typeof createStaff>>;
const GOOD_PASSWORD = "cheval agrafe batterie correcte";

beforeAll(async () => {
  world = await createWorld();
  staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
});

let counter = 0;
/** A student with a fresh activation link, as the email delivered over SMTP carries it. */
async function studentWithLink() {
  counter += 1;
  const email = `eleve${counter}.${Date.now()}@lycee.test`;
  const student = await createStudent(world, { firstName: "Hélène", lastName: "Lefèvre", email });
  const token = await sendLink(student.id, email);
  return { student, email, token };
}

async function sendLink(studentId: string, email: string) {
  await resendActivation(staff, { studentId });
  return deliverLinkTo(mail, email);
}

describe("activation link", () => {
  it("shows who it is for without using it up, then sets the password once", async () => {
    const { student, email, token } = await studentWithLink();
    const described = await describeActivationLink(token);
    expect(described).toEqual({
      ok: true,
      target: {
        name: "Hélène Lefèvre",
        maskedEmail: expect.stringMatching(/^e•+\d@lycee\.test$/),
        schoolName: world.schools[0].school.name,
        purpose: "activation",
      },
    });
    expect(await describeActivationLink(token)).toMatchObject({ ok: true });

    const before = await getDb().portalAccess.findUniqueOrThrow({ where: { studentId: student.id } });
    const chosen = await choosePassword(token, GOOD_PASSWORD);
    const after = await getDb().portalAccess.findUniqueOrThrow({ where: { studentId: student.id } });
    // The person lands signed in: the returned session is the access's current one.
    expect(chosen).toEqual({ ok: true, email, accessId: after.id, sessionVersion: after.sessionVersion, reset: false });
    expect(await loadPortalHome(await openPortalSession({ accessId: after.id, sessionVersion: after.sessionVersion }))).toMatchObject({
      kind: "student",
      email,
    });
    expect(accessState(after)).toBe("active");
    expect(after.activatedAt).not.toBeNull();
    expect(after.sessionVersion).toBeGreaterThan(before.sessionVersion);
    expect(await verifyPassword(after.passwordHash, GOOD_PASSWORD)).toBe(true);
    expect(await choosePassword(token, "une autre phrase tout aussi longue")).toEqual({ ok: false, reason: "used" });
    expect(await describeActivationLink(token)).toEqual({ ok: false, reason: "used" });
  });

  it("refuses a weak password and keeps the link usable", async () => {
    const { token } = await studentWithLink();
    expect(await choosePassword(token, "court")).toEqual({ ok: false, reason: "weak_password", problems: ["too_short"] });
    expect(await choosePassword(token, "helene2026-lefevre")).toMatchObject({
      ok: false,
      reason: "weak_password",
      problems: expect.arrayContaining(["contains_personal"]),
    });
    expect(await choosePassword(token, "motdepasse123")).toMatchObject({ ok: false, problems: ["too_common"] });
    expect(await describeActivationLink(token)).toMatchObject({ ok: true });
  });

  it("answers the form with every problem it can tell at once, and refuses malformed input", async () => {
    const { token } = await studentWithLink();
    expect(await portalActions.choosePassword({ token, password: "court", confirmation: "autre" })).toEqual({
      ok: false,
      error: "invalid_input",
      fieldErrors: { password: ["too_short"], confirmation: ["mismatch"] },
    });
    expect(await portalActions.choosePassword({ token, password: "", confirmation: "" })).toEqual({
      ok: false,
      error: "invalid_input",
      fieldErrors: { password: ["required"] },
    });
    expect(await portalActions.choosePassword({ token: 42, password: ["x"] })).toMatchObject({ ok: false, error: "invalid_input" });
    expect(await describeActivationLink(token)).toMatchObject({ ok: true });
  });

  it("lets only one of two racing submissions use the link", async () => {
    const { token } = await studentWithLink();
    const results = await Promise.all([choosePassword(token, GOOD_PASSWORD), choosePassword(token, "une autre phrase tout aussi longue")]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "used" }]);
  });

  it("lets only one of two different links of one person, submitted at the same moment, set the password", async () => {
    const { email, token: fromStaff } = await studentWithLink();
    expect(await sendLinksToAddress(email)).toBe(1);
    const asked = await deliverLinkTo(mail, email);
    const results = await Promise.all([
      choosePassword(fromStaff, GOOD_PASSWORD),
      choosePassword(asked, "une autre phrase tout aussi longue"),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "password_set" }]);
    const winner = results[0].ok ? GOOD_PASSWORD : "une autre phrase tout aussi longue";
    const access = await getDb().portalAccess.findFirstOrThrow({ where: { student: { email } } });
    expect(await verifyPassword(access.passwordHash, winner)).toBe(true);
  });

  it("answers expired after the link's lifetime; « Recevoir un nouveau lien » then brings a working one", async () => {
    const { email, token } = await studentWithLink();
    const inEightDays = new Date(Date.now() + 8 * 24 * 3600_000);
    expect(await describeActivationLink(token, inEightDays)).toEqual({ ok: false, reason: "expired" });
    expect(await choosePassword(token, GOOD_PASSWORD, inEightDays)).toEqual({ ok: false, reason: "expired" });

    expect(await sendLinksToAddress(email, inEightDays)).toBe(1);
    const fresh = await deliverLinkTo(mail, email);
    expect(await describeActivationLink(fresh, inEightDays)).toMatchObject({ ok: true, target: { purpose: "activation" } });
    expect(await choosePassword(fresh, GOOD_PASSWORD, inEightDays)).toMatchObject({ ok: true, email });
  });

  it("answers revoked once staff sent a newer link, and disabled once the access is", async () => {
    const { student, email, token } = await studentWithLink();
    const newer = await sendLink(student.id, email);
    expect(await choosePassword(token, GOOD_PASSWORD)).toEqual({ ok: false, reason: "revoked" });
    await disableAccess(staff, { studentId: student.id });
    expect(await describeActivationLink(newer)).toEqual({ ok: false, reason: "disabled" });
    expect(await choosePassword(newer, GOOD_PASSWORD)).toEqual({ ok: false, reason: "disabled" });
    // Enabled again: the old link is merely replaced, and its page offers a new one.
    await enableAccess(staff, { studentId: student.id });
    expect(await describeActivationLink(newer)).toEqual({ ok: false, reason: "revoked" });
  });

  it("answers unknown and malformed tokens without touching any account", async () => {
    expect(await describeActivationLink(createLinkToken().token)).toEqual({ ok: false, reason: "unknown" });
    expect(await choosePassword("not-a-token", GOOD_PASSWORD)).toEqual({ ok: false, reason: "malformed" });
    expect(await choosePassword("x".repeat(5000), GOOD_PASSWORD)).toEqual({ ok: false, reason: "malformed" });
  });

  it("speaks of a new password when an active person gets a new link (staff reset)", async () => {
    const { student, email, token } = await studentWithLink();
    await choosePassword(token, GOOD_PASSWORD);
    const reset = await sendLink(student.id, email);
    expect(await describeActivationLink(reset)).toMatchObject({ ok: true, target: { purpose: "reset" } });
    const first = await getDb().portalAccess.findUniqueOrThrow({ where: { studentId: student.id } });
    expect(await choosePassword(reset, "une autre phrase tout aussi longue")).toMatchObject({ ok: true });
    const after = await getDb().portalAccess.findUniqueOrThrow({ where: { studentId: student.id } });
    expect(after.activatedAt).toEqual(first.activatedAt);
    expect(await verifyPassword(after.passwordHash, "une autre phrase tout aussi longue")).toBe(true);
  });
});
