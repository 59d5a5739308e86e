/** @jest-environment node */
// StudentGuardian keeps copies of its student's place and of its parent's access phase, written by
// database triggers (docs/decisions/015-parent-link-copies.md): every writer keeps them in step.
import { getDb } from "@/lib/db";
import { createStudent, createWorld, type World } from "../factories/school";

let world: World;

beforeAll(async () => {
  world = await createWorld();
});

async function copiesOf(guardianId: string) {
  return getDb().studentGuardian.findMany({
    where: { guardianId },
    select: {
      studentId: true,
      schoolId: true,
      programId: true,
      classId: true,
      guardianPhase: true,
      guardianLinkExpiresAt: true,
      guardianLinkCount: true,
    },
    orderBy: { studentId: "asc" },
  });
}

async function family() {
  const student = await createStudent(world, {
    firstName: "Copie",
    lastName: "Lien",
    guardians: [{ firstName: "Parent", lastName: "Lien" }],
  });
  const link = await getDb().studentGuardian.findFirstOrThrow({ where: { studentId: student.id } });
  return { student, guardianId: link.guardianId };
}

describe("StudentGuardian copies", () => {
  it("takes the student's place and « none » when the link is created", async () => {
    const { student, guardianId } = await family();
    const [copy] = await copiesOf(guardianId);
    const { currentClass, program, school } = world.schools[0];
    expect(copy).toMatchObject({
      studentId: student.id,
      schoolId: school.id,
      programId: program.id,
      classId: currentClass.id,
      guardianPhase: "none",
    });
  });

  it("follows the parent's access through every state, and its deletion", async () => {
    const { guardianId } = await family();
    const expiresAt = new Date(Date.now() + 86_400_000);
    const access = await getDb().portalAccess.create({ data: { guardianId, enabled: true, linkExpiresAt: expiresAt } });
    expect((await copiesOf(guardianId))[0]).toMatchObject({ guardianPhase: "pending", guardianLinkExpiresAt: expiresAt });
    await getDb().portalAccess.update({ where: { id: access.id }, data: { passwordHash: "hash", linkExpiresAt: null } });
    expect((await copiesOf(guardianId))[0]).toMatchObject({ guardianPhase: "active", guardianLinkExpiresAt: null });
    await getDb().portalAccess.update({ where: { id: access.id }, data: { enabled: false, disabledAt: new Date() } });
    expect((await copiesOf(guardianId))[0].guardianPhase).toBe("disabled");
    await getDb().portalAccess.delete({ where: { id: access.id } });
    expect((await copiesOf(guardianId))[0].guardianPhase).toBe("none");
  });

  it("gives a new child's link the parent's current phase, and every link the student's new class", async () => {
    const { guardianId } = await family();
    await getDb().portalAccess.create({ data: { guardianId, enabled: true, passwordHash: "hash" } });
    const sibling = await createStudent(world, { firstName: "Cadet", lastName: "Lien", school: 1 });
    await getDb().studentGuardian.create({ data: { studentId: sibling.id, guardianId, relationship: "mother" } });
    const siblingCopy = (await copiesOf(guardianId)).find((copy) => copy.studentId === sibling.id)!;
    expect(siblingCopy).toMatchObject({
      schoolId: world.schools[1].school.id,
      classId: world.schools[1].currentClass.id,
      guardianPhase: "active",
    });

    await getDb().student.update({ where: { id: sibling.id }, data: { classId: world.schools[1].pastClass.id } });
    expect((await copiesOf(guardianId)).find((copy) => copy.studentId === sibling.id)!.classId).toBe(world.schools[1].pastClass.id);
  });

  it("counts on each link how many students the parent is linked to, as links come and go", async () => {
    const { guardianId } = await family();
    expect((await copiesOf(guardianId)).map((copy) => copy.guardianLinkCount)).toEqual([1]);
    const second = await createStudent(world, { firstName: "Deux", lastName: "Lien" });
    const third = await createStudent(world, { firstName: "Trois", lastName: "Lien" });
    await getDb().studentGuardian.createMany({
      data: [second, third].map((student) => ({ studentId: student.id, guardianId, relationship: "father" })),
    });
    expect((await copiesOf(guardianId)).map((copy) => copy.guardianLinkCount)).toEqual([3, 3, 3]);
    await getDb().student.delete({ where: { id: third.id } });
    expect((await copiesOf(guardianId)).map((copy) => copy.guardianLinkCount)).toEqual([2, 2]);
  });
});
