/** @jest-environment node */
// The list's indexes stay in step with the data: the Accès filter reads Student."accessPhase", copied
// from PortalAccess by triggers, and searches go through a trigram index (FTS5 on SQLite, pg_trgm on
// PostgreSQL) kept up to date by triggers too. These tests fail when a migration drops the triggers.
import { findStudentIds, findStudents } from "@/lib/data/students";
import { countStudentsUpTo, listSource, prismaRunner } from "@/lib/data/student-list-sql";
import { getDb } from "@/lib/db";
import { RIGHTS } from "@/lib/rights";
import { buildSearchText, buildSortKey, searchTokens } from "@/lib/search/normalize";
import { parseStudentListQuery } from "@/lib/validation/students";
import { createManyStudents, createStaff, createStudent, createWorld, type World } from "../factories/school";

const DAY_MS = 24 * 60 * 60 * 1000;

let world: World;
let staff: Awaited<ReturnType<typeof createStaff>>;

const list = (params: Record<string, string> = {}) => findStudents(staff, parseStudentListQuery(params));
const names = async (params: Record<string, string>) => (await list(params)).rows.map((row) => `${row.firstName} ${row.lastName}`);

beforeAll(async () => {
  world = await createWorld();
  staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
});

describe("Accès filter", () => {
  it("follows every change of a student's access: created, expired, activated, disabled, deleted", async () => {
    const student = await createStudent(world, { firstName: "Octave", lastName: "Phase" });
    const stateOf = async () => {
      const found = await list({ q: "octave phase" });
      const filtered = [];
      for (const acces of ["aucun", "invitation", "lien-expire", "actif", "desactive"]) {
        if ((await findStudentIds(staff, parseStudentListQuery({ q: "octave", acces }), 5)).includes(student.id)) filtered.push(acces);
      }
      return { badge: found.rows[0]?.accessState, filtered };
    };
    expect(await stateOf()).toEqual({ badge: "none", filtered: ["aucun"] });

    const db = getDb();
    const access = await db.portalAccess.create({
      data: { studentId: student.id, enabled: true, linkExpiresAt: new Date(Date.now() + DAY_MS) },
    });
    expect(await stateOf()).toEqual({ badge: "invited", filtered: ["invitation"] });

    await db.portalAccess.update({ where: { id: access.id }, data: { linkExpiresAt: new Date(Date.now() - DAY_MS) } });
    expect(await stateOf()).toEqual({ badge: "expired", filtered: ["lien-expire"] });

    await db.portalAccess.update({ where: { id: access.id }, data: { passwordHash: "hash", linkExpiresAt: null } });
    expect(await stateOf()).toEqual({ badge: "active", filtered: ["actif"] });

    await db.portalAccess.update({ where: { id: access.id }, data: { enabled: false, disabledAt: new Date() } });
    expect(await stateOf()).toEqual({ badge: "disabled", filtered: ["desactive"] });

    await db.portalAccess.delete({ where: { id: access.id } });
    expect(await stateOf()).toEqual({ badge: "none", filtered: ["aucun"] });
  });

  it("is not changed by a parent's access", async () => {
    const student = await createStudent(world, {
      firstName: "Lise",
      lastName: "Parentale",
      guardians: [{ firstName: "Marc", lastName: "Parentale" }],
    });
    const [link] = await getDb().studentGuardian.findMany({ where: { studentId: student.id } });
    await getDb().portalAccess.create({ data: { guardianId: link.guardianId, enabled: true, passwordHash: "hash" } });
    expect((await list({ q: "lise parentale" })).rows[0].accessState).toBe("none");
    expect(await findStudentIds(staff, parseStudentListQuery({ q: "lise", acces: "actif" }), 5)).not.toContain(student.id);
  });
});

describe("search index", () => {
  it("finds a student by any part of a word, long or short words mixed, in the school's order", async () => {
    await createStudent(world, { firstName: "Gwendoline", lastName: "Quintrec" });
    await createStudent(world, { firstName: "Yi", lastName: "Quintrecourt" });
    expect(await names({ q: "wendol" })).toEqual(["Gwendoline Quintrec"]);
    expect(await names({ q: "quintrec" })).toEqual(["Gwendoline Quintrec", "Yi Quintrecourt"]);
    expect(await names({ q: "yi ntrec" })).toEqual(["Yi Quintrecourt"]);
    expect(await names({ q: "yi" })).toContain("Yi Quintrecourt");
  });

  it("finds a long word whole, not by the part the index is asked for", async () => {
    await createStudent(world, { firstName: "Zacharie", lastName: "Lemoine", email: "zacharie.lemoine.777@ecole-nord.test" });
    await createStudent(world, { firstName: "Zoe", lastName: "Lemoine", email: "zacharie.lemoine.777@ecole-sud.test" });
    expect(await names({ q: "zacharie.lemoine.777@ecole-sud.test" })).toEqual(["Zoe Lemoine"]);
    expect(await names({ q: "lemoine.777@ecole" })).toEqual(["Zacharie Lemoine", "Zoe Lemoine"]);
    expect(await names({ q: "lemoine.777@ecole-est" })).toEqual([]);
  });

  it("follows a change of name and a deletion", async () => {
    const db = getDb();
    const student = await createStudent(world, { firstName: "Anatole", lastName: "Vieuxnom" });
    expect(await names({ q: "vieuxnom" })).toEqual(["Anatole Vieuxnom"]);
    await db.student.update({
      where: { id: student.id },
      data: {
        lastName: "Neufnom",
        searchText: buildSearchText({
          firstName: "Anatole",
          lastName: "Neufnom",
          email: student.email,
          studentNumber: student.studentNumber,
        }),
        sortKey: buildSortKey({ firstName: "Anatole", lastName: "Neufnom" }),
      },
    });
    expect(await names({ q: "vieuxnom" })).toEqual([]);
    expect(await names({ q: "neufnom" })).toEqual(["Anatole Neufnom"]);
    await db.student.delete({ where: { id: student.id } });
    expect(await names({ q: "neufnom" })).toEqual([]);
  });

  it("follows a move to another school (a restricted staff member stops seeing the student)", async () => {
    const restricted = await createStaff(world, { rights: [RIGHTS.viewStudent], schools: [0] });
    const student = await createStudent(world, { firstName: "Mobile", lastName: "Demenage" });
    const seen = async () => (await findStudents(restricted, parseStudentListQuery({ q: "demenage" }))).rows.length;
    expect(await seen()).toBe(1);
    const other = world.schools[1];
    await getDb().student.update({
      where: { id: student.id },
      data: { schoolId: other.school.id, programId: other.program.id, classId: other.currentClass.id },
    });
    expect(await seen()).toBe(0);
  });

  it("takes the search syntax of the index as plain text", async () => {
    await createStudent(world, { firstName: "Syntaxe", lastName: "Andnot" });
    for (const q of ['"', 'and"not', "(andnot", "andnot*", "NOT andnot", "andnot OR x", "{own}: andnot", "^andnot", "andnot NEAR"]) {
      await expect(list({ q })).resolves.toEqual(expect.objectContaining({ rows: expect.any(Array) }));
    }
    expect(await names({ q: "andnot*" })).toEqual([]);
    expect(await names({ q: "(andnot" })).toEqual([]);
    expect(await names({ q: "ANDNOT" })).toEqual(["Syntaxe Andnot"]);
  });

  it("counts the same on every page, whether a page holds the student's own matches or their parents'", async () => {
    await createStudent(world, { firstName: "Ysolde", lastName: "Tallec" });
    await createStudent(world, { firstName: "Ysolde", lastName: "Brehat", guardians: [{ firstName: "Ysolde", lastName: "Brehat" }] });
    await createStudent(world, { firstName: "Erwan", lastName: "Kerloc", guardians: [{ firstName: "Ysolde", lastName: "Kerloc" }] });
    await createStudent(world, { firstName: "Erwan", lastName: "Guivarch", guardians: [{ firstName: "Ysoldea", lastName: "Guivarch" }] });
    for (const q of ["ysolde", "ysolde erwan", "ysolde kerloc"]) {
      const pages = await Promise.all(
        [1, 2, 3, 4].map((page) => findStudents(staff, { ...parseStudentListQuery({ q, page: String(page) }), pageSize: 1 })),
      );
      const all = await list({ q });
      expect({ q, totals: pages.map((page) => page.total) }).toEqual({ q, totals: pages.map(() => all.total) });
    }
    expect((await list({ q: "ysolde" })).total).toBe(4);
  });

  it("says « plus de 1 000 » for a search matching more, pages through the first thousand, and counts a plain list further", async () => {
    const slot = world.schools[1];
    const people = Array.from({ length: 1_005 }, (_, index) => ({
      firstName: `Prenom${index}`,
      lastName: "Plafonnier",
      studentNumber: `CAP${index}-${slot.school.id}`,
    }));
    await createManyStudents(world, people, 1);
    const search = await list({ q: "plafonnier" });
    expect(search).toEqual(expect.objectContaining({ total: 1_000, totalCapped: true, pageCount: 40 }));
    expect(await list({ q: "plafonnier", page: "41" })).toEqual(expect.objectContaining({ page: 40, rows: expect.any(Array) }));
    expect((await list({ q: "plafonnier", page: "40" })).rows).toHaveLength(25);
    const plain = await list({ classe: slot.currentClass.id });
    expect(plain.totalCapped).toBe(false);
    expect(plain.total).toBeGreaterThanOrEqual(1_005);
  });

  it("counts no further than asked, one past the cap", async () => {
    for (const firstName of ["Un", "Deux", "Trois", "Quatre"]) await createStudent(world, { firstName, lastName: "Compteplafond" });
    const source = listSource(staff, parseStudentListQuery({}), searchTokens("compteplafond"), "own", new Date());
    expect(await countStudentsUpTo(prismaRunner, source, 10)).toBe(4);
    expect(await countStudentsUpTo(prismaRunner, source, 2)).toBe(3);
    const page = await list({ q: "compteplafond" });
    expect(page).toEqual(expect.objectContaining({ total: 4, totalCapped: false, pageCount: 1 }));
  });
});
