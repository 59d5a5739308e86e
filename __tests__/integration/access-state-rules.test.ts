/** @jest-environment node */
// The access-state rules are written twice: in JavaScript (lib/access/state.ts, for a student's page
// and the rules of each action) and in SQL (the triggers that copy a PortalAccess row's phase onto
// Student, and the list's Accès filter in lib/data/student-list-sql.ts). Every combination of the
// columns the rules read must give the same state both ways, on both databases.
import { ACCESS_STATES, accessState, type AccessState } from "@/lib/access/state";
import { findStudentIds, findStudents, getStudentDetails } from "@/lib/data/students";
import { getDb } from "@/lib/db";
import { RIGHTS } from "@/lib/rights";
import { parseStudentListQuery } from "@/lib/validation/students";
import { createStaff, createStudent, createWorld, uniqueSuffix, type World } from "../factories/school";

const DAY_MS = 24 * 60 * 60 * 1000;

type Columns = { enabled: boolean; disabledAt: Date | null; passwordHash: string | null; linkExpiresAt: Date | null };

/** Every value each column can take as far as the rules go: a link's expiry before, after or unset. */
function everyCombination(now: number): (Columns | null)[] {
  const combinations: (Columns | null)[] = [null];
  for (const enabled of [false, true])
    for (const disabledAt of [null, new Date(now - DAY_MS)])
      for (const passwordHash of [null, "hash"])
        for (const linkExpiresAt of [null, new Date(now - DAY_MS), new Date(now + DAY_MS)])
          combinations.push({ enabled, disabledAt, passwordHash, linkExpiresAt });
  return combinations;
}

let world: World;
let staff: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  world = await createWorld();
  staff = await createStaff(world, { rights: [RIGHTS.viewStudent] });
});

it("gives every combination of access columns the same state in JavaScript and in SQL", async () => {
  const lastName = `Regles${uniqueSuffix()}`;
  const now = Date.now();
  const students: { id: string; expected: AccessState }[] = [];
  for (const [index, columns] of everyCombination(now).entries()) {
    const student = await createStudent(world, { firstName: `Cas${index}`, lastName });
    if (columns) await getDb().portalAccess.create({ data: { studentId: student.id, ...columns } });
    students.push({ id: student.id, expected: accessState(columns, new Date(now)) });
  }
  // The combinations reach every state, so each rule below is checked against each state.
  expect(new Set(students.map((student) => student.expected))).toEqual(new Set(ACCESS_STATES));

  // The list's badge: the phase the triggers stored, read back by accessStateOfPhase.
  const page = await findStudents(staff, parseStudentListQuery({ q: lastName, taille: "100" }));
  const badges = new Map(page.rows.map((row) => [row.id, row.accessState]));
  // The student's page: accessState on the PortalAccess row itself.
  const details = new Map<string, AccessState | undefined>();
  for (const { id } of students) details.set(id, (await getStudentDetails(staff, id))?.accessState);
  // The Accès filter: the SQL conditions on the stored phase.
  const filtered = new Map<string, AccessState[]>(students.map(({ id }) => [id, []]));
  for (const state of ACCESS_STATES) {
    for (const id of await findStudentIds(staff, { query: lastName, access: state }, 100)) filtered.get(id)?.push(state);
  }

  for (const { id, expected } of students) {
    expect({ id, badge: badges.get(id), page: details.get(id), filters: filtered.get(id) }).toEqual({
      id,
      badge: expected,
      page: expected,
      filters: [expected],
    });
  }
});
