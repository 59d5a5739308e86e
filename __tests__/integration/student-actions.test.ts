/** @jest-environment node */
import { previewStudent } from "@/lib/actions/handlers/students";
import { ALL_RIGHTS, RIGHTS } from "@/lib/rights";
import { createStaff, createStudent, createWorld, type World } from "../factories/school";

let world: World;
let studentA: { id: string };
let studentB: { id: string };
let staff: Record<"direction" | "secretariat" | "enseignant" | "comptable", Awaited<ReturnType<typeof createStaff>>>;

beforeAll(async () => {
  world = await createWorld();
  studentA = await createStudent(world, {
    firstName: "Hélène",
    lastName: "Lefèvre",
    guardians: [{ firstName: "Sophie", lastName: "Lefèvre" }],
  });
  studentB = await createStudent(world, { firstName: "Marie", lastName: "Dupont", school: 1 });
  staff = {
    direction: await createStaff(world, { rights: ALL_RIGHTS }),
    secretariat: await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] }),
    enseignant: await createStaff(world, { rights: [RIGHTS.viewStudent], schools: [0] }),
    comptable: await createStaff(world, { rights: [] }),
  };
});

describe("previewStudent: rights of every demo role", () => {
  it("answers the student's details to roles with Afficher un étudiant", async () => {
    for (const role of ["direction", "secretariat", "enseignant"] as const) {
      const result = await previewStudent(staff[role], { studentId: studentA.id });
      expect(result).toMatchObject({ ok: true, data: { firstName: "Hélène", guardians: [{ firstName: "Sophie" }] } });
    }
  });

  it("refuses a role without the right, and an anonymous caller", async () => {
    expect(await previewStudent(staff.comptable, { studentId: studentA.id })).toEqual({ ok: false, error: "forbidden" });
    expect(await previewStudent(null, { studentId: studentA.id })).toEqual({ ok: false, error: "unauthenticated" });
  });

  it("answers not found for another school's student, as for an unknown id", async () => {
    expect(await previewStudent(staff.enseignant, { studentId: studentB.id })).toEqual({ ok: false, error: "not_found" });
    expect(await previewStudent(staff.direction, { studentId: "unknownstudent" })).toEqual({ ok: false, error: "not_found" });
    expect(await previewStudent(staff.direction, { studentId: studentB.id })).toMatchObject({ ok: true });
  });
});

describe("previewStudent: bad input", () => {
  it.each([
    ["no input", undefined],
    ["a string", "abc"],
    ["a missing id", {}],
    ["an empty id", { studentId: "" }],
    ["an id with SQL", { studentId: "x' OR 1=1 --" }],
    ["a huge id", { studentId: "a".repeat(100_000) }],
    ["a number", { studentId: 42 }],
  ])("answers invalid_input for %s", async (_label, input) => {
    const result = await previewStudent(staff.direction, input);
    expect(result).toMatchObject({ ok: false, error: "invalid_input" });
  });
});
