/** @jest-environment node */
// Staff find a student by a parent's name or email; the student's own matches come first.
import { findStudentIds, findStudents } from "@/lib/data/students";
import { changeEmail } from "@/lib/actions/handlers/access";
import { getDb } from "@/lib/db";
import { RIGHTS } from "@/lib/rights";
import { parseStudentListQuery } from "@/lib/validation/students";
import { createStaff, createStudent, createWorld, type World } from "../factories/school";

let world: World;
let staff: Awaited<ReturnType<typeof createStaff>>;

const list = (params: Record<string, string> = {}) => findStudents(staff, parseStudentListQuery(params));
const names = (page: Awaited<ReturnType<typeof list>>) => page.rows.map((row) => `${row.firstName} ${row.lastName}`);

beforeAll(async () => {
  world = await createWorld();
  staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
  // Their own name matches « herve », and so does a parent's: listed once, among the first.
  await createStudent(world, {
    firstName: "Hervé",
    lastName: "Zeller",
    guardians: [
      { firstName: "Anne", lastName: "Zeller" },
      { firstName: "Hervé", lastName: "Zeller", relationship: "father" },
    ],
  });
  // Found only through a parent, in list order (last name): Adam before Morel.
  await createStudent(world, {
    firstName: "Lina",
    lastName: "Morel",
    guardians: [{ firstName: "Hervé", lastName: "Morel", email: "herve.morel@famille.test", relationship: "father" }],
  });
  await createStudent(world, {
    firstName: "Paul",
    lastName: "Adam",
    guardians: [
      { firstName: "Sophie", lastName: "Adam" },
      { firstName: "Hervé", lastName: "Adam", relationship: "father" },
    ],
  });
  await createStudent(world, { firstName: "Sans", lastName: "Parent" });
  // Another school's family, out of a restricted staff member's sight.
  await createStudent(world, {
    firstName: "Noé",
    lastName: "Bernard",
    school: 1,
    guardians: [{ firstName: "Hervé", lastName: "Bernard" }],
  });
});

describe("search by a parent", () => {
  it("finds students by a parent's first name, after the students matching themselves", async () => {
    const page = await list({ q: "herve" });
    expect(names(page)).toEqual(["Hervé Zeller", "Paul Adam", "Noé Bernard", "Lina Morel"]);
    expect(page.total).toBe(4);
    expect(page.rows.map((row) => row.matchedGuardian)).toEqual([undefined, "Hervé Adam", "Hervé Bernard", "Hervé Morel"]);
  });

  it("finds a student by a parent's email and full name, accents and case ignored", async () => {
    expect(names(await list({ q: "herve.morel@famille" }))).toEqual(["Lina Morel"]);
    expect(names(await list({ q: "MOREL Hervé" }))).toEqual(["Lina Morel"]);
    // The words may come from either parent: Sophie and Hervé are Paul's two parents.
    expect(names(await list({ q: "sophie herve" }))).toEqual(["Paul Adam"]);
    expect(names(await list({ q: "sophie morel" }))).toEqual([]);
  });

  it("pages across both sets without repeating or losing anyone", async () => {
    const small = [1, 2, 3, 4].map((page) =>
      findStudents(staff, { ...parseStudentListQuery({ q: "herve", page: String(page) }), pageSize: 1 }),
    );
    const rows = (await Promise.all(small)).flatMap((page) => page.rows.map((row) => row.firstName));
    expect(rows).toEqual(["Hervé", "Paul", "Noé", "Lina"]);
  });

  it("keeps filters and school restrictions on students found through a parent", async () => {
    expect(names(await list({ q: "herve", ecole: world.schools[0].school.id }))).toEqual(["Hervé Zeller", "Paul Adam", "Lina Morel"]);
    const restricted = await createStaff(world, { rights: [RIGHTS.viewStudent], schools: [0] });
    const seen = await findStudents(restricted, parseStudentListQuery({ q: "bernard" }));
    expect(seen.total).toBe(0);
  });

  it("selects students found through a parent for a bulk send too, in list order", async () => {
    const ids = await findStudentIds(staff, { ...parseStudentListQuery({ q: "herve" }) }, 10);
    const page = await list({ q: "herve" });
    expect(ids).toEqual(page.rows.map((row) => row.id));
    expect(await findStudentIds(staff, { ...parseStudentListQuery({ q: "herve" }) }, 2)).toEqual(ids.slice(0, 2));
  });

  it("finds a parent by their new address once staff correct it", async () => {
    const lina = (await list({ q: "lina" })).rows[0];
    const { guardianId } = await getDb().studentGuardian.findFirstOrThrow({ where: { studentId: lina.id } });
    expect(await changeEmail(staff, { studentId: lina.id, guardianId, email: "h.morel@nouveau.test" })).toMatchObject({ ok: true });
    expect(names(await list({ q: "nouveau.test" }))).toEqual(["Lina Morel"]);
    expect(names(await list({ q: "herve.morel@famille" }))).toEqual([]);
  });
});
