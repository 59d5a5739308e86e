/** @jest-environment node */
// The Étudiants list's orders (« ?tri=classe&ordre=desc »): by name, by class, by access state, each
// both ways, through pages, with a search and with filters; and the class sort key each student
// keeps a copy of by database triggers (these tests fail when a migration drops them).
import { deriveClassColumns } from "@/lib/data/person-columns";
import { findStudentIds, findStudents } from "@/lib/data/students";
import { getDb } from "@/lib/db";
import { RIGHTS } from "@/lib/rights";
import { buildSearchText, buildSortKey } from "@/lib/search/normalize";
import { refreshClassSortKeys } from "@/lib/search/reindex";
import { parseStudentListQuery } from "@/lib/validation/students";
import { createManyStudents, createStaff, createStudent, createWorld, type World } from "../factories/school";

const DAY_MS = 24 * 60 * 60 * 1000;
const ACCESS = {
  none: null,
  invited: { enabled: true, linkExpiresAt: new Date(Date.now() + DAY_MS) },
  expired: { enabled: true, linkExpiresAt: new Date(Date.now() - DAY_MS) },
  active: { enabled: true, passwordHash: "hash" },
  disabled: { enabled: false, passwordHash: "hash", disabledAt: new Date() },
} as const;
type State = keyof typeof ACCESS;

type Staff = Awaited<ReturnType<typeof createStaff>>;

async function freshWorld() {
  const world = await createWorld();
  const staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
  return { world, staff };
}

async function addClass(world: World, name: string, school: 0 | 1 = 0) {
  return getDb().schoolClass.create({
    data: { programId: world.schools[school].program.id, schoolYearId: world.currentYear.id, ...deriveClassColumns(name) },
  });
}

/** A student in a class (moved there after creation, as an edit would) with an access in a state. */
async function student(world: World, firstName: string, options: { classId?: string; state?: State; school?: 0 | 1 } = {}) {
  const created = await createStudent(world, { firstName, lastName: "Ordre", school: options.school });
  if (options.classId) await getDb().student.update({ where: { id: created.id }, data: { classId: options.classId } });
  const access = ACCESS[options.state ?? "none"];
  if (access) await getDb().portalAccess.create({ data: { studentId: created.id, ...access } });
  return created;
}

const names = async (staff: Staff, params: Record<string, string>) =>
  (await findStudents(staff, parseStudentListQuery(params))).rows.map((row) => row.firstName);

/** Every page of one row, laid end to end: what paging through the list shows. */
async function pagedOneByOne(staff: Staff, params: Record<string, string>) {
  const first = await findStudents(staff, { ...parseStudentListQuery(params), pageSize: 1 });
  const pages = await Promise.all(
    Array.from({ length: first.pageCount }, (_, index) =>
      findStudents(staff, { ...parseStudentListQuery({ ...params, page: String(index + 1) }), pageSize: 1 }),
    ),
  );
  return { totals: [...new Set(pages.map((page) => page.total))], names: pages.flatMap((page) => page.rows.map((row) => row.firstName)) };
}

describe("by class", () => {
  let world: World;
  let staff: Staff;
  beforeAll(async () => {
    ({ world, staff } = await freshWorld());
    const [ten, nine, terminale] = [await addClass(world, "2nde 10"), await addClass(world, "2nde 9"), await addClass(world, "Terminale")];
    await student(world, "Zoe", { classId: ten.id });
    await student(world, "Adam", { classId: ten.id });
    await student(world, "Marc", { classId: nine.id });
    await student(world, "Berthe", { classId: terminale.id });
    // Classes as the factory names them: « Lycée A classe 1 » and, in the other school, « Lycée B classe 1 ».
    await student(world, "Lina");
    await student(world, "Yves", { school: 1 });
  });

  it("lists classes in order (numbers by their value), each by name, and the whole the other way with « desc »", async () => {
    expect(await names(staff, { tri: "classe" })).toEqual(["Marc", "Adam", "Zoe", "Lina", "Yves", "Berthe"]);
    expect(await names(staff, { tri: "classe", ordre: "desc" })).toEqual(["Berthe", "Yves", "Lina", "Zoe", "Adam", "Marc"]);
    expect(await names(staff, { ordre: "desc" })).toEqual(["Zoe", "Yves", "Marc", "Lina", "Berthe", "Adam"]);
  });

  it("pages through the same order, every student once", async () => {
    expect(await pagedOneByOne(staff, { tri: "classe" })).toEqual({
      totals: [6],
      names: ["Marc", "Adam", "Zoe", "Lina", "Yves", "Berthe"],
    });
    expect(await pagedOneByOne(staff, { tri: "classe", ordre: "desc", q: "ordre" })).toEqual({
      totals: [6],
      names: ["Berthe", "Yves", "Lina", "Zoe", "Adam", "Marc"],
    });
  });

  it("keeps each student's copy of the class key: on a new student, a class change, a renamed class", async () => {
    const [premiere] = [await addClass(world, "1re A")];
    const moved = await student(world, "Paul", { classId: premiere.id });
    expect((await names(staff, { tri: "classe" }))[0]).toBe("Paul");
    // The class is renamed (its key rewritten when the database is prepared): its students follow.
    await getDb().schoolClass.update({ where: { id: premiere.id }, data: { name: "Zénith" } });
    expect(await refreshClassSortKeys(getDb())).toBe(1);
    expect((await names(staff, { tri: "classe" })).at(-1)).toBe("Paul");
    await getDb().student.update({ where: { id: moved.id }, data: { classId: world.schools[0].currentClass.id } });
    expect(await names(staff, { tri: "classe" })).toEqual(["Marc", "Adam", "Zoe", "Lina", "Paul", "Yves", "Berthe"]);
    // Written by a raw multi-row INSERT (the seed's way), the key comes from the class all the same.
    const slot = world.schools[1];
    const person = { firstName: "Brut", lastName: "Ordre", studentNumber: `RAW-${slot.school.id}` };
    await getDb().$executeRaw`INSERT INTO "Student" ("id", "studentNumber", "firstName", "lastName", "birthDate", "schoolId",
      "programId", "classId", "schoolYearId", "searchText", "sortKey", "updatedAt")
      VALUES (${`raw-${slot.school.id}`}, ${person.studentNumber}, ${person.firstName}, ${person.lastName}, ${new Date("2010-01-01")},
        ${slot.school.id}, ${slot.program.id}, ${premiere.id}, ${world.currentYear.id}, ${buildSearchText(person)}, ${buildSortKey(person)}, ${new Date()})`;
    expect((await names(staff, { tri: "classe" })).slice(-2)).toEqual(["Berthe", "Brut"]);
    await getDb().student.delete({ where: { id: `raw-${slot.school.id}` } });
    await getDb().student.delete({ where: { id: moved.id } });
  });

  it("within one class (the Classe filter), is by name; a restricted staff member sees their school's classes only", async () => {
    const [ten] = await getDb().schoolClass.findMany({ where: { name: "2nde 10", program: { schoolId: world.schools[0].school.id } } });
    expect(await names(staff, { tri: "classe", ordre: "desc", classe: ten.id })).toEqual(["Zoe", "Adam"]);
    const teacher = await createStaff(world, { rights: [RIGHTS.viewStudent], schools: [1] });
    expect(await names(teacher, { tri: "classe" })).toEqual(["Yves"]);
  });
});

describe("by access state", () => {
  let world: World;
  let staff: Staff;
  const IN_ORDER = ["Nadia", "Noe", "Ines", "Ivan", "Emma", "Eric", "Alix", "Axel", "Denis", "Dora"];
  beforeAll(async () => {
    ({ world, staff } = await freshWorld());
    const states: [string, State, 0 | 1][] = [
      ["Alix", "active", 0],
      ["Denis", "disabled", 0],
      ["Emma", "expired", 0],
      ["Ines", "invited", 1],
      ["Nadia", "none", 1],
      ["Axel", "active", 0],
      ["Dora", "disabled", 0],
      ["Eric", "expired", 0],
      ["Ivan", "invited", 1],
      ["Noe", "none", 1],
    ];
    for (const [firstName, state, school] of states) await student(world, firstName, { state, school });
  });

  it("lists none → invited → expired → active → disabled, each by name; « desc » reverses the whole", async () => {
    expect(await names(staff, { tri: "acces" })).toEqual(IN_ORDER);
    expect(await names(staff, { tri: "acces", ordre: "desc" })).toEqual([...IN_ORDER].reverse());
  });

  it("pages across the states, every student once, the count the same on each page", async () => {
    expect(await pagedOneByOne(staff, { tri: "acces" })).toEqual({ totals: [10], names: IN_ORDER });
    expect(await pagedOneByOne(staff, { tri: "acces", ordre: "desc" })).toEqual({ totals: [10], names: [...IN_ORDER].reverse() });
  });

  it("sorts a search's matches the same way; by name within one state; within one school", async () => {
    expect(await names(staff, { tri: "acces", q: "ordre" })).toEqual(IN_ORDER);
    expect(await names(staff, { tri: "acces", ordre: "desc", q: "ordre" })).toEqual([...IN_ORDER].reverse());
    expect(await names(staff, { tri: "acces", ordre: "desc", acces: "lien-expire" })).toEqual(["Eric", "Emma"]);
    expect(await names(staff, { tri: "acces", ecole: world.schools[1].school.id })).toEqual(["Nadia", "Noe", "Ines", "Ivan"]);
    expect(await names(staff, { tri: "acces", "acces-parents": "aucun-actif", page: "1" })).toEqual(IN_ORDER);
  });

  it("selects the same students in any order (« tout sélectionner »)", async () => {
    const ids = async (params: Record<string, string>) => (await findStudentIds(staff, parseStudentListQuery(params), 100)).sort();
    expect(await ids({ tri: "acces", ordre: "desc" })).toEqual(await ids({}));
    const pages = await Promise.all(
      [{}, { tri: "acces" }, { tri: "classe", ordre: "desc" }].map((params) => findStudents(staff, parseStudentListQuery(params))),
    );
    expect(pages.map((page) => page.total)).toEqual([10, 10, 10]);
  });
});

describe("more than a thousand students: orders walked on their indexes", () => {
  let world: World;
  let staff: Staff;
  let people: { id: string; firstName: string; lastName: string; studentNumber: string }[];
  const firstNames = (from: number, to: number) => people.slice(from, to).map((person) => person.firstName);
  beforeAll(async () => {
    ({ world, staff } = await freshWorld());
    const slot = world.schools[0];
    people = Array.from({ length: 1_005 }, (_, index) => ({
      id: `ordre-${index}-${slot.school.id}`,
      firstName: `Prenom${String(index).padStart(4, "0")}`,
      lastName: "Milleordre",
      studentNumber: `ORD${index}-${slot.school.id}`,
    }));
    await createManyStudents(world, people);
    // The first ten by name are invited; the last five hundred move to a class that comes first.
    await getDb().portalAccess.createMany({ data: people.slice(0, 10).map((person) => ({ studentId: person.id, ...ACCESS.invited })) });
    const first = await addClass(world, "1re A");
    await getDb().student.updateMany({ where: { id: { in: people.slice(505).map((person) => person.id) } }, data: { classId: first.id } });
  });

  it("by access, a search pages through its first thousand in that order, state by state", async () => {
    const page = await findStudents(staff, parseStudentListQuery({ q: "milleordre", tri: "acces", page: "40" }));
    expect(page).toEqual(expect.objectContaining({ total: 1_000, totalCapped: true, page: 40 }));
    // After the 995 without access, only five of the ten invited fit in the thousand.
    expect(page.rows.map((row) => row.firstName)).toEqual([...firstNames(985, 1_005), ...firstNames(0, 5)]);
    expect(page.rows.map((row) => row.accessState)).toEqual([...Array(20).fill("none"), ...Array(5).fill("invited")]);
    // A plain list counts further: all of them, the ten invited last.
    expect(await names(staff, { tri: "acces", page: "41" })).toEqual(firstNames(5, 10));
  });

  it("by class, with or without the Accès filter, both ways", async () => {
    expect(await names(staff, { tri: "classe" })).toEqual(firstNames(505, 530));
    expect(await names(staff, { tri: "classe", page: "21" })).toEqual(firstNames(0, 25));
    expect(await names(staff, { tri: "classe", acces: "aucun", page: "21" })).toEqual(firstNames(10, 35));
    const school = world.schools[0].school.id;
    expect(await names(staff, { tri: "classe", ecole: school, email: "manquant", annee: world.currentYear.id, page: "21" })).toEqual(
      firstNames(0, 25),
    );
    expect(await names(staff, { tri: "classe", ordre: "desc", acces: "aucun" })).toEqual(firstNames(480, 505).reverse());
    expect((await findStudents(staff, parseStudentListQuery({ tri: "classe", acces: "aucun" }))).total).toBe(995);
  });
});
