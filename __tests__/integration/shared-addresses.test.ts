/** @jest-environment node */
// One address signs in to one portal account. People registered with the same address (a family
// address, a student with a parent's address) are shown to staff before access is enabled; the
// second access on an address already signing in is refused, and nothing is merged.
import { randomUUID } from "node:crypto";
import { changeEmail, disableAccess, enableAccess, resendActivation } from "@/lib/actions/handlers/access";
import { summarizeBulkSend } from "@/lib/actions/handlers/bulk";
import { sendLinksToAddress } from "@/lib/data/access/send-links-to-address";
import { getStudentAccessOverview } from "@/lib/data/access-overview";
import { prepareBulkSends, startBulkSend } from "@/lib/jobs/bulk-sends";
import { findPortalAccount } from "@/lib/data/portal-accounts";
import { choosePassword } from "@/lib/data/portal-activation";
import { getDb } from "@/lib/db";
import { processOutbox } from "@/lib/mail/outbox";
import { RIGHTS } from "@/lib/rights";
import { activationTokenIn, captureMail } from "../factories/mail";
import { createStaff, createStudent, createWorld, type World } from "../factories/school";

let world: World;
const mail = captureMail();
let staff: Awaited<ReturnType<typeof createStaff>>;
const PASSWORD = "cheval agrafe batterie correcte";

/** A fresh address for each test, written the way a school might have typed it. */
const address = (name: string) => `${name}.${randomUUID().slice(0, 8)}@Maison.test`;

beforeAll(async () => {
  world = await createWorld();
  staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
});

/** A student and their two parents, both registered with one family address. */
async function familyWithOneAddress(familyEmail: string, studentEmail?: string) {
  const student = await createStudent(world, {
    firstName: "Awa",
    lastName: "Diallo",
    email: studentEmail,
    guardians: [
      { firstName: "Fatou", lastName: "Diallo", email: familyEmail, relationship: "mother" },
      { firstName: "Moussa", lastName: "Diallo", email: familyEmail.toUpperCase(), relationship: "father" },
    ],
  });
  const links = await getDb().studentGuardian.findMany({ where: { studentId: student.id }, include: { guardian: true } });
  const mother = links.find((link) => link.relationship === "mother")!.guardianId;
  const father = links.find((link) => link.relationship === "father")!.guardianId;
  return {
    studentId: student.id,
    mother: { studentId: student.id, guardianId: mother },
    father: { studentId: student.id, guardianId: father },
  };
}

async function activate(ref: { studentId: string; guardianId?: string }, to: string, password = PASSWORD) {
  const before = mail.smtp.emails.length;
  await processOutbox(mail.transport, { limit: 20 });
  const message = mail.smtp.emails.slice(before).find((email) => email.to.map((value) => value.toLowerCase()).includes(to.toLowerCase()));
  const token = activationTokenIn(message!.text)!;
  expect(await choosePassword(token, password)).toMatchObject({ ok: true });
  return ref;
}

describe("staff see who shares an address before enabling access", () => {
  it("names the others, whatever the case of the address, and who already signs in with it", async () => {
    const family = address("famille.diallo");
    const { studentId, mother, father } = await familyWithOneAddress(family);
    let overview = await getStudentAccessOverview(staff, studentId);
    const [motherView, fatherView] = overview!.guardians;
    expect(motherView.sharedWith).toEqual([{ kind: "guardian", name: "Moussa Diallo", children: ["Awa Diallo"], holdsSignIn: false }]);
    expect(fatherView.sharedWith).toEqual([{ kind: "guardian", name: "Fatou Diallo", children: ["Awa Diallo"], holdsSignIn: false }]);
    expect(overview!.student.sharedWith).toEqual([]);

    expect(await enableAccess(staff, mother)).toMatchObject({ ok: true });
    overview = await getStudentAccessOverview(staff, studentId);
    expect(overview!.guardians[1].sharedWith).toEqual([expect.objectContaining({ name: "Fatou Diallo", holdsSignIn: true })]);
    expect(overview!.guardians[0].sharedWith).toEqual([expect.objectContaining({ name: "Moussa Diallo", holdsSignIn: false })]);
    expect(father.guardianId).toBe(overview!.guardians[1].ref.guardianId);
  });

  it("does not name someone from a school the staff member does not see", async () => {
    const shared = address("partagee");
    const visible = await createStudent(world, { firstName: "Visible", lastName: "Partage", email: shared });
    await createStudent(world, { firstName: "Cachee", lastName: "Partage", email: shared, school: 1 });
    const restricted = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent], schools: [0] });
    const overview = await getStudentAccessOverview(restricted, visible.id);
    expect(overview!.student.sharedWith).toEqual([{ kind: "student", name: null, children: [], holdsSignIn: false }]);
  });
});

describe("one address signs in to one account", () => {
  it("refuses a second access on an address already signing in, and changes nothing for that person", async () => {
    const family = address("famille.refus");
    const { mother, father } = await familyWithOneAddress(family);
    await enableAccess(staff, mother);
    expect(await enableAccess(staff, father)).toEqual({ ok: false, error: "email_in_use" });
    expect(await resendActivation(staff, father)).toEqual({ ok: false, error: "email_in_use" });
    expect(await getDb().portalAccess.findUnique({ where: { guardianId: father.guardianId } })).toBeNull();
    const motherAccess = await getDb().portalAccess.findUniqueOrThrow({ where: { guardianId: mother.guardianId } });
    expect(motherAccess).toMatchObject({ enabled: true, signInEmail: family.toLowerCase() });
  });

  it("settles two staff members enabling two people with one address at the same moment", async () => {
    const family = address("famille.course");
    const { mother, father } = await familyWithOneAddress(family);
    const results = await Promise.all([enableAccess(staff, mother), enableAccess(staff, father)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: "email_in_use" }]);
    const enabled = await getDb().portalAccess.count({
      where: { guardianId: { in: [mother.guardianId, father.guardianId] }, enabled: true },
    });
    expect(enabled).toBe(1);
  });

  it("signs the holder in, frees the address when their access is disabled, and keeps telling each apart", async () => {
    const family = address("famille.tour");
    const { mother, father } = await familyWithOneAddress(family);
    await enableAccess(staff, mother);
    await activate(mother, family, "le mot de passe de la maman");
    expect(await findPortalAccount(family.toUpperCase(), "le mot de passe de la maman")).toMatchObject({ ok: true });

    await disableAccess(staff, mother);
    expect(await enableAccess(staff, father)).toMatchObject({ ok: true });
    await activate(father, family, "le mot de passe du papa");
    expect(await findPortalAccount(family, "le mot de passe du papa")).toMatchObject({ ok: true });
    // The mother's account is not merged into the father's: her password still says "disabled".
    expect(await findPortalAccount(family, "le mot de passe de la maman")).toEqual({ ok: false, reason: "disabled" });
    expect(await enableAccess(staff, mother)).toEqual({ ok: false, error: "email_in_use" });
    // "Mot de passe oublié ?" reaches the one account signing in with the address.
    expect(await sendLinksToAddress(family)).toBe(1);
  });

  it("refuses to give an enabled access an address another account signs in with; a person without access may take it", async () => {
    const family = address("famille.change");
    const { studentId, mother } = await familyWithOneAddress(family, address("awa"));
    await enableAccess(staff, mother);
    expect(await enableAccess(staff, { studentId })).toMatchObject({ ok: true });
    expect(await changeEmail(staff, { studentId, email: family })).toEqual({ ok: false, error: "email_in_use" });
    const unchanged = await getDb().student.findUniqueOrThrow({ where: { id: studentId } });
    expect(unchanged.email).not.toBe(family);

    const cousin = await createStudent(world, { firstName: "Cousin", lastName: "Diallo", email: address("cousin") });
    expect(await changeEmail(staff, { studentId: cousin.id, email: family })).toMatchObject({ ok: true });
    const overview = await getStudentAccessOverview(staff, cousin.id);
    expect(overview!.student.sharedWith).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "Fatou Diallo", holdsSignIn: true })]),
    );
    expect(await enableAccess(staff, { studentId: cousin.id })).toEqual({ ok: false, error: "email_in_use" });
  });

  it("skips students whose address another account signs in with in a bulk send, and says why", async () => {
    const family = address("famille.lot");
    const { mother } = await familyWithOneAddress(family);
    await enableAccess(staff, mother);
    const sharing = await createStudent(world, { firstName: "Lot", lastName: "Partage", email: family });
    const alone = await createStudent(world, { firstName: "Lot", lastName: "Seul", email: address("lot.seul") });
    const selection = { studentIds: [sharing.id, alone.id] };
    expect(await summarizeBulkSend(staff, { selection })).toMatchObject({
      ok: true,
      data: { total: 2, willReceive: 1, skipped: { email_in_use: 1 } },
    });
    const bulk = await startBulkSend(staff, selection, { kind: "activation", includeWithPassword: false });
    if (typeof bulk === "string") throw new Error(bulk);
    while ((await prepareBulkSends({ maxStudents: 10 })) > 0);
    const items = await getDb().bulkSendItem.findMany({ where: { bulkSendId: bulk.id }, select: { studentId: true, outcome: true } });
    expect(items).toEqual(
      expect.arrayContaining([
        { studentId: sharing.id, outcome: "email_in_use" },
        { studentId: alone.id, outcome: "queued" },
      ]),
    );
  });
});
