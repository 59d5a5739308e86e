/** @jest-environment node */
// The follow-up board (« Suivi des accès »): students and parents counted in each access state, per
// class, program, school and in all, within the schools the staff member may see.
import { emptyStateCounts, type StateCounts } from "@/lib/access/board";
import { getAccessBoard } from "@/lib/data/access-board";
import { getDb } from "@/lib/db";
import { RIGHTS } from "@/lib/rights";
import { createStaff, createStudent, createWorld, type World } from "../factories/school";

const DAY_MS = 24 * 60 * 60 * 1000;
const later = () => new Date(Date.now() + DAY_MS);
const earlier = () => new Date(Date.now() - DAY_MS);

type AccessData = { enabled: boolean; passwordHash?: string; linkExpiresAt?: Date; disabledAt?: Date };
const ACCESS: Record<string, AccessData | null> = {
  none: null,
  invited: { enabled: true, linkExpiresAt: later() },
  expired: { enabled: true, linkExpiresAt: earlier() },
  active: { enabled: true, passwordHash: "hash" },
  disabled: { enabled: false, disabledAt: new Date() },
};

let world: World;

async function student(name: string, state: keyof typeof ACCESS, options: { school?: 0 | 1; pastYear?: boolean; parents?: number } = {}) {
  const created = await createStudent(world, {
    firstName: name,
    lastName: "Suivi",
    school: options.school,
    pastYear: options.pastYear,
    guardians: Array.from({ length: options.parents ?? 0 }, (_, index) => ({ firstName: `Parent${index}`, lastName: name })),
  });
  if (ACCESS[state]) await getDb().portalAccess.create({ data: { studentId: created.id, ...ACCESS[state] } });
  return created;
}

async function setParentAccess(studentId: string, states: (keyof typeof ACCESS)[]) {
  const links = await getDb().studentGuardian.findMany({ where: { studentId }, orderBy: { guardianId: "asc" } });
  for (const [index, state] of states.entries()) {
    if (ACCESS[state]) await getDb().portalAccess.create({ data: { guardianId: links[index].guardianId, ...ACCESS[state] } });
  }
  return links.map((link) => link.guardianId);
}

const counts = (partial: Partial<StateCounts>): StateCounts => ({ ...emptyStateCounts(), ...partial });

beforeAll(async () => {
  world = await createWorld();
  // School A, current class: one student in each state; parents in four states, one shared by two children.
  await student("Aline", "none", { parents: 1 });
  const invited = await student("Bruno", "invited", { parents: 2 });
  await student("Chloé", "expired");
  const active = await student("Denis", "active", { parents: 1 });
  await student("Emma", "disabled");
  await setParentAccess(invited.id, ["invited", "active"]);
  const [sharedParent] = await setParentAccess(active.id, ["expired"]);
  // A sibling in the past year's class shares Denis's parent.
  const sibling = await student("Fanny", "active", { pastYear: true });
  await getDb().studentGuardian.create({ data: { studentId: sibling.id, guardianId: sharedParent, relationship: "mother" } });
  // School B: two students, one parent disabled.
  const other = await student("Gaspard", "invited", { school: 1, parents: 1 });
  await student("Hugo", "active", { school: 1 });
  await setParentAccess(other.id, ["disabled"]);
});

describe("getAccessBoard", () => {
  it("counts students and parents in each state per class, program, school and in all", async () => {
    const staff = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    const board = await getAccessBoard(staff);
    const [schoolA, schoolB] = board.schools;
    expect(board.schools.map((school) => school.name)).toEqual([world.schools[0].school.name, world.schools[1].school.name]);

    expect(board.total.students).toEqual(counts({ none: 1, invited: 2, expired: 1, active: 3, disabled: 1 }));
    // Aline's parent (no access row), Bruno's two, Denis's and Fanny's shared one (counted once), Gaspard's.
    expect(board.total.parents).toEqual(counts({ none: 1, invited: 1, active: 1, expired: 1, disabled: 1 }));

    expect(schoolA.counts.students).toEqual(counts({ none: 1, invited: 1, expired: 1, active: 2, disabled: 1 }));
    expect(schoolA.counts.parents).toEqual(counts({ none: 1, invited: 1, active: 1, expired: 1 }));
    const [program] = schoolA.programs;
    expect(program.counts).toEqual(schoolA.counts);
    const classes = Object.fromEntries(program.classes.map((entry) => [entry.id, entry.counts]));
    expect(classes[world.schools[0].currentClass.id].students).toEqual(counts({ none: 1, invited: 1, expired: 1, active: 1, disabled: 1 }));
    expect(classes[world.schools[0].currentClass.id].parents).toEqual(counts({ none: 1, invited: 1, active: 1, expired: 1 }));
    expect(classes[world.schools[0].pastClass.id]).toEqual({ students: counts({ active: 1 }), parents: counts({ expired: 1 }) });
    expect(program.classes.map((entry) => entry.name)).toEqual([...program.classes.map((entry) => entry.name)].sort());

    expect(schoolB.counts).toEqual({ students: counts({ invited: 1, active: 1 }), parents: counts({ disabled: 1 }) });
  });

  it("shows a restricted staff member only their schools", async () => {
    const staff = await createStaff(world, { rights: [RIGHTS.viewStudent], schools: [1] });
    const board = await getAccessBoard(staff);
    expect(board.schools.map((school) => school.id)).toEqual([world.schools[1].school.id]);
    expect(board.total).toEqual({ students: counts({ invited: 1, active: 1 }), parents: counts({ disabled: 1 }) });
  });

  it("tells an invitation from an expired link by the time asked", async () => {
    const staff = await createStaff(world, { rights: [RIGHTS.viewStudent], schools: [1] });
    const board = await getAccessBoard(staff, new Date(Date.now() + 2 * DAY_MS));
    expect(board.total.students).toEqual(counts({ expired: 1, active: 1 }));
  });

  // Runs last: it adds families, and compares the board before and after.
  it("counts a parent once in a class holding two of their children, and once per school of their children", async () => {
    const staff = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    const restricted = await createStaff(world, { rights: [RIGHTS.viewStudent], schools: [1] });
    const [before, restrictedBefore] = [await getAccessBoard(staff), await getAccessBoard(restricted)];
    // Twins in school A's current class, one invited parent.
    const twin = await student("Inès", "none", { parents: 1 });
    const [twinsParent] = await setParentAccess(twin.id, ["invited"]);
    const otherTwin = await student("Jules", "none");
    await getDb().studentGuardian.create({ data: { studentId: otherTwin.id, guardianId: twinsParent, relationship: "father" } });
    // A parent with a child in each school, active.
    const first = await student("Karim", "none", { parents: 1 });
    const [acrossSchools] = await setParentAccess(first.id, ["active"]);
    const second = await student("Léa", "none", { school: 1 });
    await getDb().studentGuardian.create({ data: { studentId: second.id, guardianId: acrossSchools, relationship: "mother" } });

    const after = await getAccessBoard(staff);
    const delta = (a: StateCounts, b: StateCounts) =>
      Object.fromEntries(Object.entries(a).map(([state, n]) => [state, n - b[state as keyof StateCounts]]));
    const currentClass = (board: typeof after) =>
      board.schools[0].programs.flatMap((program) => program.classes).find((entry) => entry.id === world.schools[0].currentClass.id)!;
    expect(delta(currentClass(after).counts.parents, currentClass(before).counts.parents)).toEqual(counts({ invited: 1, active: 1 }));
    expect(delta(after.schools[0].counts.parents, before.schools[0].counts.parents)).toEqual(counts({ invited: 1, active: 1 }));
    expect(delta(after.schools[1].counts.parents, before.schools[1].counts.parents)).toEqual(counts({ active: 1 }));
    expect(delta(after.total.parents, before.total.parents)).toEqual(counts({ invited: 1, active: 1 }));
    // Staff who see school B only count the parent there, once.
    const restrictedAfter = await getAccessBoard(restricted);
    expect(delta(restrictedAfter.total.parents, restrictedBefore.total.parents)).toEqual(counts({ active: 1 }));
  });
});
