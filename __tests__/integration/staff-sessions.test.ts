/** @jest-environment node */
// Staff sessions are recorded: signing out ends one for good, and every request reads the staff
// member's current rights and status.
import { enableAccess } from "@/lib/actions/handlers/access";
import { closeStaffSession, loadStaffSession, openStaffSession, STAFF_SESSION_HOURS } from "@/lib/data/staff-sessions";
import { getDb } from "@/lib/db";
import { RIGHTS } from "@/lib/rights";
import { createStaff, createStudent, createWorld, type World } from "../factories/school";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

describe("staff sessions", () => {
  it("opens on sign-in and stands until « Se déconnecter », then opens nothing, even for an action", async () => {
    const staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
    const student = await createStudent(world, { firstName: "Copie", lastName: "Cookie" });
    const sessionId = await openStaffSession(staff.id);
    expect(await loadStaffSession(sessionId, staff.id)).toMatchObject({
      id: staff.id,
      rights: expect.arrayContaining([RIGHTS.viewStudent, RIGHTS.editStudent]),
    });
    await closeStaffSession(sessionId);
    expect(await loadStaffSession(sessionId, staff.id)).toBeNull();
    expect(await enableAccess(() => loadStaffSession(sessionId, staff.id), { studentId: student.id })).toEqual({
      ok: false,
      error: "unauthenticated",
    });
    expect(await getDb().portalAccess.count({ where: { studentId: student.id } })).toBe(0);
  });

  it("ends only the session signed out of: another browser of the same person stays signed in", async () => {
    const staff = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    const [first, second] = [await openStaffSession(staff.id), await openStaffSession(staff.id)];
    await closeStaffSession(first);
    expect(await loadStaffSession(first, staff.id)).toBeNull();
    expect(await loadStaffSession(second, staff.id)).not.toBeNull();
  });

  it("refuses a session id under another staff member's name, an unknown one, and an expired one", async () => {
    const staff = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    const other = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    const sessionId = await openStaffSession(staff.id);
    expect(await loadStaffSession(sessionId, other.id)).toBeNull();
    expect(await loadStaffSession("inconnue", staff.id)).toBeNull();
    const later = new Date(Date.now() + STAFF_SESSION_HOURS * 3600_000 + 1000);
    expect(await loadStaffSession(sessionId, staff.id, later)).toBeNull();
  });

  it("gives new rights at the next request after a role change, and nothing after a deactivation", async () => {
    const staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
    const student = await createStudent(world, { firstName: "Droits", lastName: "Retirés" });
    const sessionId = await openStaffSession(staff.id);
    const caller = () => loadStaffSession(sessionId, staff.id);
    const { roleId } = await getDb().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    await getDb().roleRight.deleteMany({ where: { roleId, right: RIGHTS.editStudent } });
    expect((await caller())?.rights).toEqual([RIGHTS.viewStudent]);
    expect(await enableAccess(caller, { studentId: student.id })).toEqual({ ok: false, error: "forbidden" });
    await getDb().staffUser.update({ where: { id: staff.id }, data: { active: false } });
    expect(await caller()).toBeNull();
    expect(await enableAccess(caller, { studentId: student.id })).toEqual({ ok: false, error: "unauthenticated" });
  });

  it("deletes sessions a day after they expired when a new one opens", async () => {
    const staff = await createStaff(world, { rights: [] });
    const old = await openStaffSession(staff.id, new Date(Date.now() - (STAFF_SESSION_HOURS + 25) * 3600_000));
    await openStaffSession(staff.id);
    expect(await getDb().staffSession.findUnique({ where: { id: old } })).toBeNull();
  });
});
