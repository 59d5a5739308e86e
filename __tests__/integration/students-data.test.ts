/** @jest-environment node */
import { deriveClassColumns } from "@/lib/data/person-columns";
import { findStudents, getFilterOptions, getStudentDetails } from "@/lib/data/students";
import { getDb } from "@/lib/db";
import { RIGHTS } from "@/lib/rights";
import { parseStudentListQuery } from "@/lib/validation/students";
import { createStaff, createStudent, createWorld, type World } from "../factories/school";

let world: World;
let director: Awaited<ReturnType<typeof createStaff>>;

const list = (params: Record<string, string> = {}) => findStudents(director, parseStudentListQuery(params));
const names = (page: Awaited<ReturnType<typeof list>>) => page.rows.map((row) => `${row.firstName} ${row.lastName}`);

beforeAll(async () => {
  world = await createWorld();
  director = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
  await createStudent(world, { firstName: "Hélène", lastName: "Lefèvre", email: "helene.lefevre@eleves.test" });
  await createStudent(world, { firstName: "Marie", lastName: "Dupont", email: null });
  await createStudent(world, { firstName: "Jean-Baptiste", lastName: "N'Diaye", school: 1 });
  await createStudent(world, { firstName: "Émile", lastName: "Zola", school: 1, pastYear: true });
  await createStudent(world, { firstName: "Zoé", lastName: "Écuyer", email: "zoe@@invalide" });
  await createStudent(world, { firstName: "Chloé", lastName: "Cœur" });
});

describe("search", () => {
  it("ignores case and accents", async () => {
    expect(names(await list({ q: "helene" }))).toEqual(["Hélène Lefèvre"]);
    expect(names(await list({ q: "LEFEVRE" }))).toEqual(["Hélène Lefèvre"]);
    expect(names(await list({ q: "ecuyer" }))).toEqual(["Zoé Écuyer"]);
    expect(names(await list({ q: "coeur" }))).toEqual(["Chloé Cœur"]);
  });

  it("finds a full name in either order", async () => {
    expect(names(await list({ q: "dupont marie" }))).toEqual(["Marie Dupont"]);
    expect(names(await list({ q: "Marie Dupont" }))).toEqual(["Marie Dupont"]);
    expect(names(await list({ q: "jean baptiste n'diaye" }))).toEqual(["Jean-Baptiste N'Diaye"]);
  });

  it("finds by email and by student number", async () => {
    expect(names(await list({ q: "helene.lefevre@eleves" }))).toEqual(["Hélène Lefèvre"]);
    const [row] = (await list({ q: "zola" })).rows;
    expect(names(await list({ q: row.studentNumber.toLowerCase() }))).toEqual(["Émile Zola"]);
  });

  it.each(["n'diaye", "ndiaye", "n diaye", "N’DIAYE", "jean-baptiste ndiaye", "jeanbaptiste", "Ｎ'Ｄｉａｙｅ"])(
    "finds N'Diaye with « %s »",
    async (q) => {
      expect(names(await list({ q }))).toEqual(["Jean-Baptiste N'Diaye"]);
    },
  );

  it("finds a name typed in full-width characters", async () => {
    expect(names(await list({ q: "Ｄｕｐｏｎｔ" }))).toEqual(["Marie Dupont"]);
    expect(names(await list({ q: "ＨＥＬＥＮＥ" }))).toEqual(["Hélène Lefèvre"]);
  });

  it.each(["%", "_", "\\", "%_\\"])("lists everyone for « %s » alone, like an empty search", async (q) => {
    const everyone = await list();
    expect(everyone.total).toBe(6);
    expect(names(await list({ q }))).toEqual(names(everyone));
  });

  it("ignores LIKE wildcards instead of matching them as patterns", async () => {
    expect(names(await list({ q: "%lefevre_" }))).toEqual(["Hélène Lefèvre"]);
    expect((await list({ q: "h%z" })).total).toBe(0);
  });
});

describe("filters, order and pages", () => {
  it("sorts by last name then first name, ignoring accents", async () => {
    expect(names(await list())).toEqual([
      "Chloé Cœur",
      "Marie Dupont",
      "Zoé Écuyer",
      "Hélène Lefèvre",
      "Jean-Baptiste N'Diaye",
      "Émile Zola",
    ]);
  });

  it("filters by school, program, class, year and email", async () => {
    const [a, b] = world.schools;
    expect(names(await list({ ecole: b.school.id }))).toEqual(["Jean-Baptiste N'Diaye", "Émile Zola"]);
    expect((await list({ formation: a.program.id })).total).toBe(4);
    expect(names(await list({ classe: b.pastClass.id }))).toEqual(["Émile Zola"]);
    expect(names(await list({ annee: world.pastYear.id }))).toEqual(["Émile Zola"]);
    expect(names(await list({ email: "manquant" }))).toEqual(["Marie Dupont"]);
    expect((await list({ email: "renseigne" })).total).toBe(5);
    expect(names(await list({ ecole: a.school.id, q: "zoe" }))).toEqual(["Zoé Écuyer"]);
  });

  it("pages results and shows the last page for a page past the end", async () => {
    const second = await findStudents(director, { ...parseStudentListQuery({}), pageSize: 25, page: 1 });
    expect(second.pageCount).toBe(1);
    const past = await list({ page: "99" });
    expect(past.page).toBe(1);
    expect(past.rows).toHaveLength(6);
  });
});

describe("school restriction", () => {
  it("hides the students of other schools from a restricted staff member", async () => {
    const teacher = await createStaff(world, { rights: [RIGHTS.viewStudent], schools: [0] });
    const page = await findStudents(teacher, parseStudentListQuery({}));
    expect(page.rows.map((row) => row.lastName)).toEqual(["Cœur", "Dupont", "Écuyer", "Lefèvre"]);
    const other = (await list({ q: "zola" })).rows[0];
    expect(await getStudentDetails(teacher, other.id)).toBeNull();
    expect(await getStudentDetails(director, other.id)).not.toBeNull();
    const options = await getFilterOptions(teacher);
    expect(options.schools.map((school) => school.id)).toEqual([world.schools[0].school.id]);
    expect(options.programs).toHaveLength(1);
  });

  it("keeps the filter options a minute per set of schools, then shows a class added meanwhile", async () => {
    const teacher = await createStaff(world, { rights: [RIGHTS.viewStudent], schools: [0] });
    const now = Date.now();
    const before = await getFilterOptions(teacher, now);
    const added = await getDb().schoolClass.create({
      data: { programId: world.schools[0].program.id, schoolYearId: world.currentYear.id, ...deriveClassColumns("Classe ajoutée") },
    });
    expect((await getFilterOptions(teacher, now + 30_000)).classes).toEqual(before.classes);
    const later = await getFilterOptions(teacher, now + 61_000);
    expect(later.classes.map((schoolClass) => schoolClass.id)).toContain(added.id);
    // Another set of schools has its own entry: the director sees both schools' programs.
    expect((await getFilterOptions(director, now)).schools).toHaveLength(2);
  });

  it("never shows another organisation's students", async () => {
    const otherWorld = await createWorld();
    const outsider = await createStaff(otherWorld, { rights: [RIGHTS.viewStudent] });
    expect((await findStudents(outsider, parseStudentListQuery({}))).total).toBe(0);
  });
});

describe("student details", () => {
  it("returns the student with their parents, a shared parent appearing for each sibling", async () => {
    const parent = await createStudent(world, {
      firstName: "Aînée",
      lastName: "Fratrie",
      guardians: [{ firstName: "Sophie", lastName: "Fratrie", relationship: "mother" }],
    });
    const details = await getStudentDetails(director, parent.id);
    const guardianId = details!.guardians[0].id;
    const sibling = await createStudent(world, {
      firstName: "Cadet",
      lastName: "Fratrie",
      guardians: [
        { firstName: "Paul", lastName: "Fratrie", relationship: "father", email: null },
        { id: guardianId, firstName: "", lastName: "", relationship: "mother" },
      ],
    });
    const siblingDetails = await getStudentDetails(director, sibling.id);
    expect(siblingDetails!.guardians.map((guardian) => [guardian.firstName, guardian.relationship, guardian.email === null])).toEqual([
      ["Sophie", "mother", false],
      ["Paul", "father", true],
    ]);
    expect(siblingDetails!.guardians[0].id).toBe(guardianId);
  });

  it("returns null for an unknown id", async () => {
    expect(await getStudentDetails(director, "doesnotexist")).toBeNull();
  });
});
