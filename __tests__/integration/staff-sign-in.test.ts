/** @jest-environment node */
import { findStaffByCredentials, loadStaffContext } from "@/lib/data/staff";
import { getDb } from "@/lib/db";
import { RIGHTS } from "@/lib/rights";
import { createStaff, createWorld, STAFF_PASSWORD, type World } from "../factories/school";

let world: World;

beforeAll(async () => {
  world = await createWorld();
});

describe("staff credentials", () => {
  it("accepts the right password, whatever the case of the email", async () => {
    const staff = await createStaff(world, { rights: [RIGHTS.viewStudent], email: "Claire.Test@Ecole.test".toLowerCase() });
    expect(await findStaffByCredentials("  CLAIRE.TEST@ecole.test ", STAFF_PASSWORD)).toMatchObject({ id: staff.id });
  });

  it("refuses a wrong password, an unknown email and a deactivated account alike", async () => {
    const staff = await createStaff(world, { rights: [] });
    const inactive = await createStaff(world, { rights: [] });
    await getDb().staffUser.update({ where: { id: inactive.id }, data: { active: false } });
    expect(await findStaffByCredentials(staff.email, "wrong-password")).toBeNull();
    expect(await findStaffByCredentials("nobody@ecole.test", STAFF_PASSWORD)).toBeNull();
    expect(await findStaffByCredentials(inactive.email, STAFF_PASSWORD)).toBeNull();
  });

  it("stores passwords as argon2id hashes", async () => {
    const staff = await createStaff(world, { rights: [] });
    const row = await getDb().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(STAFF_PASSWORD);
  });
});

describe("staff context", () => {
  it("reads rights and school restriction fresh from the database", async () => {
    const staff = await createStaff(world, { rights: [RIGHTS.viewStudent], schools: [1] });
    expect(staff.rights).toEqual([RIGHTS.viewStudent]);
    expect(staff.schoolIds).toEqual([world.schools[1].school.id]);
    const role = await getDb().staffUser.findUniqueOrThrow({ where: { id: staff.id }, select: { roleId: true } });
    await getDb().roleRight.create({ data: { roleId: role.roleId, right: RIGHTS.editStudent } });
    expect((await loadStaffContext(staff.id))?.rights).toEqual(expect.arrayContaining([RIGHTS.viewStudent, RIGHTS.editStudent]));
  });

  it("ignores rights unknown to this version and forgets deactivated staff", async () => {
    const staff = await createStaff(world, { rights: [] });
    const { roleId } = await getDb().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    await getDb().roleRight.create({ data: { roleId, right: "payroll.manage" } });
    expect((await loadStaffContext(staff.id))?.rights).toEqual([]);
    await getDb().staffUser.update({ where: { id: staff.id }, data: { active: false } });
    expect(await loadStaffContext(staff.id)).toBeNull();
  });
});
