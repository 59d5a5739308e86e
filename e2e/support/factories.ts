// Test data for the browser tests, written into the running app's database by the integration tests'
// own factories (__tests__/factories): each test file gets a fresh organisation with its own staff
// member, and each test its own students with unique names and addresses, so no test depends on the
// demo school's students or on what another test did to them.
import { randomInt } from "node:crypto";
import type { Page } from "playwright-core";
import { createStaff, createStudent, createWorld, STAFF_PASSWORD, uniqueSuffix, type World } from "@/__tests__/factories/school";
import { disconnectTestDatabase } from "@/__tests__/setup/test-database";
import { getDb } from "@/lib/db";
import { ALL_RIGHTS, type Right } from "@/lib/rights";
import { enableAccessFor } from "./portal";

// lib/db reads DATABASE_URL on first use: the factories write where the app reads.
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) throw new Error("the e2e global setup did not create the database");
process.env.DATABASE_URL = databaseUrl;
afterAll(disconnectTestDatabase);

export type { World };
export type StaffAccount = { email: string; password: string; name: string };
export type Student = Awaited<ReturnType<typeof createStudent>>;

/** A capitalised word of letters only, unique enough to name one person of one test. */
export function uniqueName(prefix: string): string {
  const letters = Array.from({ length: 6 }, () => String.fromCharCode(97 + randomInt(26))).join("");
  return `${prefix}${letters}`;
}

/** « Prénom Nom », as the app names a student or a parent in its labels and emails. */
export const nameOf = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

/** A fresh organisation (two schools) and a staff member of it, by default with every right. */
export async function createSchoolWithStaff(rights: readonly Right[] = ALL_RIGHTS) {
  const world = await createWorld();
  const staff = await createStaffAccount(world, rights);
  return { world, staff };
}

/** Another staff member of the organisation, to sign in with through the real form. */
export async function createStaffAccount(world: World, rights: readonly Right[], schools?: (0 | 1)[]): Promise<StaffAccount> {
  const { email, name } = await createStaff(world, { rights, schools });
  return { email, name, password: STAFF_PASSWORD };
}

/** A student of the current year with a unique name and address (`email: null` for none), and parents if given. */
export function createTestStudent(world: World, input: Partial<Parameters<typeof createStudent>[1]> = {}): Promise<Student> {
  return createStudent(world, {
    firstName: uniqueName("Eleve"),
    lastName: uniqueName("Nom"),
    email: `eleve.${uniqueSuffix()}@eleves.sesame.test`,
    ...input,
  });
}

/** A new student whose access staff enabled from `staffPage`: invited, no password chosen yet. */
export async function invitedStudent(staffPage: Page, world: World): Promise<Student> {
  const student = await createTestStudent(world);
  await enableAccessFor(staffPage, student.id, nameOf(student), student.email!);
  return student;
}

/** A parent with a unique address, for `guardians` of createTestStudent. */
export function parentInput(lastName: string, email = `parent.${uniqueSuffix()}@famille.sesame.test`) {
  return { firstName: uniqueName("Parent"), lastName, email };
}

/** A parent with two children, one in each school, who may all see each other's pages. */
export async function createFamily(world: World) {
  const parent = parentInput(uniqueName("Famille"));
  const first = await createTestStudent(world, { lastName: parent.lastName, guardians: [parent] });
  const { id } = await getDb().guardian.findFirstOrThrow({ where: { email: parent.email }, select: { id: true } });
  const second = await createTestStudent(world, { lastName: parent.lastName, school: 1, guardians: [{ ...parent, id }] });
  const children = [first, second].map((child, index) => ({
    ...child,
    schoolName: world.schools[index].school.name,
    className: world.schools[index].currentClass.name,
  }));
  return { parent, children };
}
