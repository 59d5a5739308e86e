/** @jest-environment node */
// The staff context (rights, schools, status) is read on every staff request in one SQL statement,
// and nothing of it is kept between requests: whatever changes in the database between two requests
// (as another app instance or an administrator would change it) applies to the second one.
import { createAdapterFactory } from "@/lib/db/adapters";
import { providerOf } from "@/lib/db/provider";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { closeStaffSession, loadStaffSession, openStaffSession, STAFF_SESSION_HOURS } from "@/lib/data/staff-sessions";
import { loadStaffContext } from "@/lib/data/staff";
import { getStudentDetails } from "@/lib/data/students";
import { getDb } from "@/lib/db";
import { RIGHTS } from "@/lib/rights";
import { createStaff, createStudent, createWorld, type World } from "../factories/school";

// The app's client (lib/db.ts) replaced by one whose driver adapter counts the statements it sends.
let statements = 0;
function counting<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, key) {
      const value = Reflect.get(object, key);
      if (typeof value !== "function") return value;
      if (key === "queryRaw" || key === "executeRaw") {
        return (...args: unknown[]) => {
          statements += 1;
          return value.apply(object, args);
        };
      }
      if (key === "connect" || key === "startTransaction") return async (...args: unknown[]) => counting(await value.apply(object, args));
      return value.bind(object);
    },
  });
}
async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = statements;
  const result = await work();
  return { result, statements: statements - before };
}

let world: World;
beforeAll(async () => {
  const holder = globalThis as unknown as { sesameDb?: { $disconnect(): Promise<void> } };
  await holder.sesameDb?.$disconnect();
  const url = process.env.DATABASE_URL!;
  const adapter = counting(createAdapterFactory(url));
  holder.sesameDb = providerOf(url) === "sqlite" ? new SqliteClient({ adapter }) : new PostgresClient({ adapter: adapter as never });
  world = await createWorld();
});

describe("the staff context of a session", () => {
  it("is read in one SQL statement: name, language, role, rights and every school of the organisation", async () => {
    const staff = await createStaff(world, { rights: [RIGHTS.editStudent, RIGHTS.viewStudent] });
    const sessionId = await openStaffSession(staff.id);
    const { result, statements: count } = await statementsOf(() => loadStaffSession(sessionId, staff.id));
    expect(count).toBe(1);
    expect(result).toEqual({
      id: staff.id,
      name: staff.name,
      email: staff.email,
      organizationId: world.organization.id,
      locale: "fr",
      roleName: staff.roleName,
      rights: [RIGHTS.viewStudent, RIGHTS.editStudent],
      schoolIds: expect.arrayContaining(world.schools.map(({ school }) => school.id)),
      allSchools: true,
      timeZone: "Europe/Paris",
    });
    expect(result?.schoolIds).toHaveLength(2);
    await getDb().staffUser.update({ where: { id: staff.id }, data: { locale: "en" } });
    expect((await loadStaffSession(sessionId, staff.id))?.locale).toBe("en");
    // Read without a session (the bulk preparation does), it is one statement as well.
    expect((await statementsOf(() => loadStaffContext(staff.id))).statements).toBe(1);
  });

  it("writes times on the clock of the staff member's schools when they keep the same, else on Paris's", async () => {
    const group = await createWorld();
    const [first, second] = group.schools.map(({ school }) => school.id);
    const everywhere = await createStaff(group, { rights: [RIGHTS.viewStudent] });
    const restricted = await createStaff(group, { rights: [RIGHTS.viewStudent], schools: [1] });
    await getDb().school.update({ where: { id: first }, data: { timeZone: "Pacific/Noumea" } });
    await getDb().school.update({ where: { id: second }, data: { timeZone: "Indian/Reunion" } });
    expect((await loadStaffContext(everywhere.id))?.timeZone).toBe("Europe/Paris");
    expect((await loadStaffContext(restricted.id))?.timeZone).toBe("Indian/Reunion");
    await getDb().school.update({ where: { id: first }, data: { timeZone: "Indian/Reunion" } });
    expect((await loadStaffContext(everywhere.id))?.timeZone).toBe("Indian/Reunion");
  });

  it("loses a right at the next request when the role loses it, and when the staff member is given another role", async () => {
    const staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
    const sessionId = await openStaffSession(staff.id);
    expect((await loadStaffSession(sessionId, staff.id))?.rights).toEqual([RIGHTS.viewStudent, RIGHTS.editStudent]);
    const { roleId } = await getDb().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    await getDb().roleRight.deleteMany({ where: { roleId, right: RIGHTS.editStudent } });
    expect((await loadStaffSession(sessionId, staff.id))?.rights).toEqual([RIGHTS.viewStudent]);

    const noRights = await getDb().role.create({ data: { organizationId: world.organization.id, name: "Sans droit" } });
    await getDb().staffUser.update({ where: { id: staff.id }, data: { roleId: noRights.id } });
    expect(await loadStaffSession(sessionId, staff.id)).toMatchObject({ roleName: "Sans droit", rights: [] });
  });

  it("no longer shows a student of a school the staff member was just restricted away from", async () => {
    const staff = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    const student = await createStudent(world, { firstName: "Autre", lastName: "Établissement", school: 1 });
    const sessionId = await openStaffSession(staff.id);
    const before = (await loadStaffSession(sessionId, staff.id))!;
    expect(await getStudentDetails(before, student.id)).toMatchObject({ lastName: "Établissement" });

    await getDb().staffSchool.create({ data: { staffId: staff.id, schoolId: world.schools[0].school.id } });
    const after = (await loadStaffSession(sessionId, staff.id))!;
    expect(after).toMatchObject({ schoolIds: [world.schools[0].school.id], allSchools: false });
    expect(await getStudentDetails(after, student.id)).toBeNull();
  });

  it("is refused at the next request after a deactivation, and comes back with the account", async () => {
    const staff = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    const sessionId = await openStaffSession(staff.id);
    expect(await loadStaffSession(sessionId, staff.id)).not.toBeNull();
    await getDb().staffUser.update({ where: { id: staff.id }, data: { active: false } });
    expect(await loadStaffSession(sessionId, staff.id)).toBeNull();
    expect(await loadStaffContext(staff.id)).toBeNull();
    await getDb().staffUser.update({ where: { id: staff.id }, data: { active: true } });
    expect(await loadStaffSession(sessionId, staff.id)).not.toBeNull();
  });

  it("is refused at the next request once its session is ended, or has expired, while another session stands", async () => {
    const staff = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    const [ended, other] = [await openStaffSession(staff.id), await openStaffSession(staff.id)];
    expect(await loadStaffSession(ended, staff.id)).not.toBeNull();
    await closeStaffSession(ended);
    expect(await loadStaffSession(ended, staff.id)).toBeNull();
    expect(await loadStaffSession(other, staff.id)).not.toBeNull();

    const justBeforeExpiry = new Date(Date.now() + STAFF_SESSION_HOURS * 3600_000 - 60_000);
    expect(await loadStaffSession(other, staff.id, justBeforeExpiry)).not.toBeNull();
    expect(await loadStaffSession(other, staff.id, new Date(justBeforeExpiry.getTime() + 120_000))).toBeNull();
  });
});
