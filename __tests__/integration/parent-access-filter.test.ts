/** @jest-environment node */
// The Étudiants list's « Accès des parents » filter, the parents shown on each row (« 1/2 parents
// actifs ») and a parent's other children on a profile, on a hand-built set of families.
import { findStudentIds, findStudents, getStudentDetails } from "@/lib/data/students";
import { getDb } from "@/lib/db";
import { RIGHTS } from "@/lib/rights";
import { parseStudentListQuery } from "@/lib/validation/students";
import { createStaff, createStudent, createWorld, type World } from "../factories/school";

const DAY_MS = 24 * 60 * 60 * 1000;

type ParentState = "none" | "noneRow" | "invited" | "expired" | "expiredNoLink" | "active" | "disabled";
const ACCESS: Record<ParentState, { enabled: boolean; passwordHash?: string; linkExpiresAt?: Date; disabledAt?: Date } | null> = {
  none: null,
  noneRow: { enabled: false },
  invited: { enabled: true, linkExpiresAt: new Date(Date.now() + DAY_MS) },
  expired: { enabled: true, linkExpiresAt: new Date(Date.now() - DAY_MS) },
  expiredNoLink: { enabled: true },
  active: { enabled: true, passwordHash: "hash" },
  // Had chosen a password, then was disabled: not active.
  disabled: { enabled: false, passwordHash: "hash", disabledAt: new Date() },
};

let world: World;
let director: Awaited<ReturnType<typeof createStaff>>;
let sharedParentId: string;
const ids: Record<string, string> = {};

async function family(firstName: string, parents: ParentState[], options: { school?: 0 | 1; pastYear?: boolean } = {}) {
  const relationships = ["mother", "father", "guardian"];
  const student = await createStudent(world, {
    firstName,
    lastName: "Famille",
    school: options.school,
    pastYear: options.pastYear,
    guardians: parents.map((_, index) => ({
      firstName: `Parent${index}`,
      lastName: `${firstName}fam`,
      relationship: relationships[index],
    })),
  });
  const links = await getDb().studentGuardian.findMany({ where: { studentId: student.id } });
  const byRelationship = new Map(links.map((link) => [link.relationship, link.guardianId]));
  for (const [index, state] of parents.entries()) {
    const data = ACCESS[state];
    if (data) await getDb().portalAccess.create({ data: { guardianId: byRelationship.get(relationships[index])!, ...data } });
  }
  ids[firstName] = student.id;
  return { student, guardianIds: parents.map((_, index) => byRelationship.get(relationships[index])!) };
}

async function sibling(firstName: string, guardianId: string, options: { school?: 0 | 1; pastYear?: boolean }) {
  const student = await createStudent(world, { firstName, lastName: "Famille", ...options });
  await getDb().studentGuardian.create({ data: { studentId: student.id, guardianId, relationship: "mother" } });
  ids[firstName] = student.id;
}

const list = (params: Record<string, string>, staff = director) => findStudents(staff, parseStudentListQuery(params));
const firstNames = async (params: Record<string, string>, staff = director) => {
  const page = await list(params, staff);
  expect(page.total).toBe(page.rows.length);
  return page.rows.map((row) => row.firstName);
};

beforeAll(async () => {
  world = await createWorld();
  director = await createStaff(world, { rights: [RIGHTS.viewStudent] });
  await family("Alice", ["active"]);
  await family("Bruno", ["active", "none"]);
  await family("Camille", ["invited"]);
  const didier = await family("Didier", ["expired"]);
  sharedParentId = didier.guardianIds[0];
  await family("Eva", ["disabled"]);
  await family("Félix", ["active", "active"]);
  await family("Gilles", ["expired"], { pastYear: true });
  await family("Jade", ["noneRow"]);
  await family("Karim", ["expiredNoLink", "invited"]);
  await family("Nadia", []);
  // Didier's parent has two more children: one in the past year's class, one in school B.
  await sibling("Inès", sharedParentId, { pastYear: true });
  await sibling("Lucas", sharedParentId, { school: 1 });
});

describe("the « Accès des parents » filter", () => {
  it("« Aucun parent actif »: no parent active, students without a parent included", async () => {
    expect(await firstNames({ "acces-parents": "aucun-actif" })).toEqual([
      "Camille",
      "Didier",
      "Eva",
      "Gilles",
      "Inès",
      "Jade",
      "Karim",
      "Lucas",
      "Nadia",
    ]);
  });

  it("« Au moins un parent actif » and « Tous les parents actifs »", async () => {
    expect(await firstNames({ "acces-parents": "au-moins-un-actif" })).toEqual(["Alice", "Bruno", "Félix"]);
    expect(await firstNames({ "acces-parents": "tous-actifs" })).toEqual(["Alice", "Félix"]);
  });

  it("« Invitation en attente » and « Lien expiré » (a link in the past or none at all)", async () => {
    expect(await firstNames({ "acces-parents": "invitation" })).toEqual(["Camille", "Karim"]);
    expect(await firstNames({ "acces-parents": "lien-expire" })).toEqual(["Didier", "Gilles", "Inès", "Karim", "Lucas"]);
  });

  it("the first two values split the students in two", async () => {
    const everyone = (await list({})).total;
    expect(everyone).toBe(12);
    expect((await list({ "acces-parents": "aucun-actif" })).total + (await list({ "acces-parents": "au-moins-un-actif" })).total).toBe(
      everyone,
    );
  });

  it("combines with a class, the school's filter and a restricted staff member's schools", async () => {
    expect(await firstNames({ "acces-parents": "lien-expire", classe: world.schools[0].currentClass.id })).toEqual(["Didier", "Karim"]);
    expect(await firstNames({ "acces-parents": "lien-expire", ecole: world.schools[1].school.id })).toEqual(["Lucas"]);
    const schoolB = await createStaff(world, { rights: [RIGHTS.viewStudent], schools: [1] });
    expect(await firstNames({ "acces-parents": "lien-expire" }, schoolB)).toEqual(["Lucas"]);
    expect(await firstNames({ "acces-parents": "au-moins-un-actif" }, schoolB)).toEqual([]);
  });

  it("combines with a search, on the student's name or a parent's", async () => {
    expect(await firstNames({ "acces-parents": "lien-expire", q: "didier" })).toEqual(["Didier"]);
    expect(await firstNames({ "acces-parents": "au-moins-un-actif", q: "didier" })).toEqual([]);
    const byParent = await list({ "acces-parents": "lien-expire", q: "karimfam" });
    expect(byParent.rows.map((row) => [row.firstName, row.matchedGuardian])).toEqual([["Karim", "Parent0 Karimfam"]]);
    expect(await firstNames({ "acces-parents": "tous-actifs", q: "fam", classe: world.schools[0].currentClass.id })).toEqual([
      "Alice",
      "Félix",
    ]);
  });

  it.each(["noneActive", "someActive", "allActive", "invited", "expired"] as const)(
    "« %s »: walking the list order (each student checked) finds what the count and the page (a set) found",
    async (parentAccess) => {
      const words = {
        noneActive: "aucun-actif",
        someActive: "au-moins-un-actif",
        allActive: "tous-actifs",
        invited: "invitation",
        expired: "lien-expire",
      };
      const page = await list({ "acces-parents": words[parentAccess] });
      expect(await findStudentIds(director, { query: "", parentAccess }, 100)).toEqual(page.rows.map((row) => row.id));
    },
  );

  it("selects the same students for a bulk send by query", async () => {
    const criteria = { query: "", parentAccess: "expired" as const, classId: world.schools[0].currentClass.id };
    expect(await findStudentIds(director, criteria, 100)).toEqual([ids.Didier, ids.Karim]);
  });
});

describe("the parents on each row", () => {
  it("gives each parent's name, relationship and access state, in the profile's order", async () => {
    const rows = Object.fromEntries((await list({})).rows.map((row) => [row.firstName, row.parents]));
    expect(rows.Bruno).toEqual([
      { name: "Parent0 Brunofam", relationship: "mother", accessState: "active" },
      { name: "Parent1 Brunofam", relationship: "father", accessState: "none" },
    ]);
    expect(rows.Karim.map((parent) => parent.accessState)).toEqual(["expired", "invited"]);
    expect(rows.Eva.map((parent) => parent.accessState)).toEqual(["disabled"]);
    expect(rows.Jade.map((parent) => parent.accessState)).toEqual(["none"]);
    expect(rows.Nadia).toEqual([]);
    expect(rows.Inès).toEqual([{ name: "Parent0 Didierfam", relationship: "mother", accessState: "expired" }]);
  });
});

describe("a parent's other children on a profile", () => {
  it("names the children the staff member may see, not the student shown", async () => {
    const details = await getStudentDetails(director, ids.Didier);
    expect(details!.guardians[0].otherChildren.map((child) => child.firstName)).toEqual(["Inès", "Lucas"]);
    const schoolA = await createStaff(world, { rights: [RIGHTS.viewStudent], schools: [0] });
    const restricted = await getStudentDetails(schoolA, ids.Didier);
    expect(restricted!.guardians[0].otherChildren.map((child) => [child.id, child.firstName])).toEqual([[ids.Inès, "Inès"]]);
    const alone = await getStudentDetails(director, ids.Alice);
    expect(alone!.guardians[0].otherChildren).toEqual([]);
  });
});

describe("after a parent's access changes", () => {
  it("moves the student between the filter's values and updates the row", async () => {
    const [, father] = await getDb().studentGuardian.findMany({ where: { studentId: ids.Bruno }, orderBy: { relationship: "desc" } });
    expect(father.relationship).toBe("father");
    await getDb().portalAccess.create({ data: { guardianId: father.guardianId, enabled: true, passwordHash: "hash" } });
    expect(await firstNames({ "acces-parents": "tous-actifs" })).toEqual(["Alice", "Bruno", "Félix"]);
    await getDb().portalAccess.update({ where: { guardianId: sharedParentId }, data: { passwordHash: "hash", linkExpiresAt: null } });
    expect(await firstNames({ "acces-parents": "lien-expire" })).toEqual(["Gilles", "Karim"]);
    const rows = Object.fromEntries((await list({})).rows.map((row) => [row.firstName, row.parents]));
    expect(rows.Lucas.map((parent) => parent.accessState)).toEqual(["active"]);
  });
});
