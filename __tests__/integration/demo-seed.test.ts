/** @jest-environment node */
import { getDb } from "@/lib/db";
import { findStaffByCredentials, loadStaffContext } from "@/lib/data/staff";
import { ALL_RIGHTS, RIGHTS } from "@/lib/rights";
import { emailStatus } from "@/lib/access/email-address";
import { DEMO_PASSWORD, seedDemoSchool } from "@/prisma/seed/demo-school";

describe("demo seed", () => {
  let first: Awaited<ReturnType<typeof seedDemoSchool>>;

  beforeAll(async () => {
    first = await seedDemoSchool(getDb(), { students: 60 });
  });

  it("creates the demo school the README describes", async () => {
    const db = getDb();
    expect(first).toMatchObject({ seeded: true, students: 60, staff: 4 });
    expect(await db.school.count()).toBe(2);
    const students = await db.student.findMany({ select: { email: true, firstName: true, lastName: true } });
    expect(students).toHaveLength(60);
    const statuses = students.map((student) => emailStatus(student.email));
    expect(statuses.filter((status) => status === "missing").length).toBeGreaterThanOrEqual(5);
    expect(statuses.filter((status) => status === "invalid")).toHaveLength(1);
    expect(students.some((student) => /[éèëêàâçïîôöüùœ]/i.test(student.firstName + student.lastName))).toBe(true);
    expect(students.some((student) => student.firstName.includes("-") || student.lastName.includes(" "))).toBe(true);
    const shared = await db.studentGuardian.groupBy({ by: ["guardianId"], _count: { studentId: true } });
    expect(shared.filter((group) => group._count.studentId > 1).length).toBeGreaterThanOrEqual(3);
    expect(await db.guardian.count({ where: { email: null } })).toBeGreaterThan(0);
    const parentCounts = await db.student.findMany({ select: { _count: { select: { guardians: true } } } });
    const counts = new Set(parentCounts.map((student) => student._count.guardians));
    expect([...counts].sort()).toEqual([0, 1, 2]);
  });

  it("includes the shared addresses schools meet, keyed for lookups", async () => {
    const db = getDb();
    const helene = await db.student.findFirstOrThrow({
      where: { firstName: "Hélène", lastName: "Lefèvre" },
      include: { guardians: { include: { guardian: true } } },
    });
    expect(helene.email).not.toBeNull();
    expect(helene.guardians.map(({ guardian }) => guardian.email)).toContain(helene.email);
    const ndiaye = await db.student.findFirstOrThrow({
      where: { lastName: "N'Diaye" },
      include: { guardians: { include: { guardian: true } } },
    });
    const parentEmails = ndiaye.guardians.map(({ guardian }) => guardian.email);
    expect(parentEmails).toHaveLength(2);
    expect(new Set(parentEmails).size).toBe(1);
    const withEmail = await db.guardian.findMany({ where: { email: { not: null } }, select: { email: true, emailKey: true } });
    expect(withEmail.every((guardian) => guardian.emailKey === guardian.email!.trim().toLowerCase())).toBe(true);
    expect(await db.student.count({ where: { email: { not: null }, emailKey: null } })).toBe(0);
  });

  it("has a family that reads its emails in English, everyone else in French", async () => {
    const db = getDb();
    const chloe = await db.student.findFirstOrThrow({
      where: { firstName: "Chloé", lastName: "Dubois-Perrin" },
      include: { guardians: { include: { guardian: true } } },
    });
    expect(chloe.locale).toBe("en");
    expect(chloe.guardians.length).toBeGreaterThan(0);
    expect(chloe.guardians.every(({ guardian }) => guardian.locale === "en")).toBe(true);
    expect(await db.student.count({ where: { locale: "en" } })).toBe(1);
    expect(await db.guardian.count({ where: { locale: "en" } })).toBe(chloe.guardians.length);
    expect(await db.student.count({ where: { locale: "fr" } })).toBe(59);
  });

  it("creates the four demo accounts with their rights", async () => {
    const expected = {
      "direction@sesame.test": { rights: ALL_RIGHTS, restricted: false },
      "secretariat@sesame.test": { rights: [RIGHTS.viewStudent, RIGHTS.editStudent], restricted: false },
      "enseignant@sesame.test": { rights: [RIGHTS.viewStudent], restricted: true },
      "comptable@sesame.test": { rights: [], restricted: false },
    };
    for (const [email, { rights, restricted }] of Object.entries(expected)) {
      const staff = await findStaffByCredentials(email, DEMO_PASSWORD);
      expect(staff).not.toBeNull();
      const context = await loadStaffContext(staff!.id);
      expect([...context!.rights].sort()).toEqual([...rights].sort());
      expect(context!.allSchools).toBe(!restricted);
      expect(context!.schoolIds).toHaveLength(restricted ? 1 : 2);
    }
  });

  it("does nothing the second time", async () => {
    const second = await seedDemoSchool(getDb(), { students: 60 });
    expect(second).toMatchObject({ seeded: false, students: 60 });
    expect(await getDb().student.count()).toBe(60);
  });
});
