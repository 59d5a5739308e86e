/** @jest-environment node */
// Parents on the Étudiants list and on a sibling's profile: the « Accès des parents » filter, the
// « x/y parents actifs » cell and its tooltip, « Aussi parent de », the disable dialog naming every
// child, and the board's parent counts opening the list.
import type { Browser, Page } from "playwright-core";
import { getDb } from "@/lib/db";
import { launchBrowser, signedInPage } from "./support/browser";
import {
  createFamily,
  createSchoolWithStaff,
  createTestStudent,
  parentInput,
  type StaffAccount,
  type Student,
  type World,
} from "./support/factories";

const DAY_MS = 24 * 60 * 60 * 1000;
type ParentState = "none" | "invited" | "expired" | "active";
const ACCESS = {
  invited: { enabled: true, linkExpiresAt: new Date(Date.now() + 3 * DAY_MS) },
  expired: { enabled: true, linkExpiresAt: new Date(Date.now() - DAY_MS) },
  active: { enabled: true, passwordHash: "chosen-elsewhere" },
};

let browser: Browser;
let page: Page;
let world: World;
let staff: StaffAccount;
const students: Record<string, Student> = {};

async function giveAccess(guardianId: string, state: ParentState) {
  if (state !== "none") await getDb().portalAccess.create({ data: { guardianId, ...ACCESS[state] } });
}

async function studentWithParents(key: string, states: ParentState[]) {
  const relationships = ["mother", "father"];
  const parents = states.map((_, index) => ({ ...parentInput(`Parent${key}`), relationship: relationships[index] }));
  const student = await createTestStudent(world, { firstName: key, guardians: parents });
  for (const [index, state] of states.entries()) {
    const { id } = await getDb().guardian.findFirstOrThrow({ where: { email: parents[index].email } });
    await giveAccess(id, state);
  }
  students[key] = student;
}

const count = () => page.getByText(/^\d+ étudiants?$|^Aucun étudiant$/).textContent();
const rowLinks = async () =>
  (await page.locator("tbody a[href^='/etudiants/']").evaluateAll((links) => links.map((link) => link.getAttribute("href")))).sort();
const profilePaths = (...keys: string[]) => keys.map((key) => `/etudiants/${students[key].id}`).sort();

beforeAll(async () => {
  browser = await launchBrowser();
  ({ world, staff } = await createSchoolWithStaff());
});
beforeAll(async () => {
  await studentWithParents("Alice", ["expired", "active"]);
  await studentWithParents("Bruno", ["expired"]);
  await studentWithParents("Chloe", ["invited"]);
  await studentWithParents("Denis", ["active", "active"]);
  await studentWithParents("Emma", []);
});
beforeAll(async () => {
  ({ page } = await signedInPage(browser, staff));
});
afterAll(() => browser?.close());

describe("parents on the Étudiants list", () => {
  it("filters by « Lien expiré » for parents, with the keyboard: exactly the students with a parent's expired link", async () => {
    await page.goto("/etudiants");
    await page.getByRole("button", { name: "Filtres" }).focus();
    await page.keyboard.press("Enter");
    const select = page.getByLabel("Accès des parents");
    await select.focus();
    await select.selectOption({ label: "Lien expiré" });
    await page.waitForURL("**/etudiants?acces-parents=lien-expire");
    await page.keyboard.press("Escape");
    expect(await count()).toBe("2 étudiants");
    expect(await rowLinks()).toEqual(profilePaths("Alice", "Bruno"));
    await page.getByRole("button", { name: "Retirer le filtre Accès des parents : Lien expiré" }).waitFor();

    await page.goto("/etudiants?acces-parents=tous-actifs");
    expect(await count()).toBe("1 étudiant");
    expect(await rowLinks()).toEqual(profilePaths("Denis"));
  });

  it("shows « 1/2 parents actifs » with a tooltip naming each parent, reached with the keyboard", async () => {
    await page.goto(`/etudiants?q=${students.Alice.lastName}`);
    const cell = page.getByRole("button", { name: "1/2 parents actifs" });
    await cell.focus();
    const tooltip = page.getByRole("tooltip");
    await tooltip.waitFor();
    const text = await tooltip.textContent();
    expect(text).toMatch(/ParentAlice \(Mère\) : Lien expiré/);
    expect(text).toMatch(/ParentAlice \(Père\) : Actif/);
    await page.keyboard.press("Escape");
    await tooltip.waitFor({ state: "hidden" });
    await page.goto(`/etudiants?q=${students.Emma.lastName}`);
    await page.getByRole("cell", { name: "Aucun parent" }).waitFor();
  });

  it("opens, from a parent count of Suivi des accès, the students having a parent in that state", async () => {
    await page.goto("/suivi-des-acces");
    const link = page.getByRole("link", { name: "2 parents « Lien expiré », Tous vos établissements : ouvrir la liste de leurs enfants" });
    await link.click();
    await page.waitForURL("**/etudiants?acces-parents=lien-expire");
    expect(await count()).toBe("2 étudiants");
    expect(await rowLinks()).toEqual(profilePaths("Alice", "Bruno"));
  });
});

describe("a parent of two children", () => {
  it("is « Aussi parent d'… » the other child on each page, and disabling says it ends the access for both", async () => {
    const { parent, children } = await createFamily(world);
    const [first, second] = children.map((child) => `${child.firstName} ${child.lastName}`);
    const { id } = await getDb().guardian.findFirstOrThrow({ where: { email: parent.email } });
    await giveAccess(id, "active");

    await page.goto(`/etudiants/${children[0].id}`);
    const notice = page.getByText(`Aussi parent d'${second}`);
    await notice.waitFor();
    await notice.getByRole("link", { name: second }).click();
    await page.waitForURL(`**/etudiants/${children[1].id}`);
    await page.getByText(`Aussi parent d'${first}`).waitFor();

    await page.goto(`/etudiants/${children[0].id}/espace-etudiant`);
    const section = page.getByRole("region", { name: new RegExp(`${parent.firstName} ${parent.lastName}`) });
    await section.getByText(`Aussi parent d'${second}`).waitFor();
    await section.getByRole("button", { name: "Désactiver l'accès" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      `Ce parent a un seul accès pour tous ses enfants : cela met fin à son accès pour ${first} et ${second}.`,
    );
    await dialog.getByRole("button", { name: "Annuler" }).click();
    await dialog.waitFor({ state: "hidden" });
  });
});
