/** @jest-environment node */
// « Two doors »: home shows a visitor without a session the staff sign-in and the portal's; a signed-in
// staff member still lands on their section; the portal's 404 leads back to the portal; and no portal
// page scrolls sideways on a phone, even with long addresses.
import type { Page } from "playwright-core";
import { uniqueSuffix } from "@/__tests__/factories/school";
import { newContext, signedInPage } from "./support/browser";
import { createTestStudent, parentInput } from "./support/factories";
import { scrollsSideways } from "./support/layout";
import { choosePasswordAt, enableAccessFor } from "./support/portal";
import { staffSessionForFile } from "./support/session";

const session = staffSessionForFile();

const PASSWORD = "une porte pour chacun";
const WIDTHS = [320, 390];

/** An address long enough to overflow a phone's card if it did not wrap. */
const longAddress = (who: string) =>
  `${who}.${uniqueSuffix()}.avec.un.nom.de.famille.tres.long@etablissement-scolaire-du-grand-exemple.sesame.test`;

/** Opens `path` at each phone width and returns those at which it scrolls sideways (none expected). */
async function overflowingWidths(page: Page, path: string | null): Promise<string[]> {
  const overflowing: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 844 });
    if (path) await page.goto(path);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    const overflow = await scrollsSideways(page);
    if (overflow) overflowing.push(`${path ?? page.url()} at ${width} px, ${overflow}`);
  }
  return overflowing;
}

describe("home without a session", () => {
  it("offers both doors, each to its own sign-in page, by mouse and by keyboard", async () => {
    const visitor = await newContext(session.browser);
    const page = await visitor.newPage();
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/");
    await page.getByRole("heading", { level: 1, name: "Bienvenue sur Sésame" }).waitFor();

    await page.getByRole("link", { name: "Personnel de l'établissement" }).click();
    await page.waitForURL((url) => url.pathname === "/connexion" && url.search === "");

    await page.goto("/");
    // The language switch, then one door after the other.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("English");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Élèves et parents");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/espace-etudiant/connexion");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await visitor.close();
  });

  it("still sends signed-in staff to their section", async () => {
    await session.page.goto("/");
    await session.page.waitForURL((url) => url.pathname === "/etudiants");
  });

  it("explains to staff whose role opens no section, under the staff header", async () => {
    const signedIn = await signedInPage(session.browser, "comptable");
    try {
      await signedIn.page.goto("/");
      await signedIn.page.getByRole("heading", { level: 1, name: /^Bienvenue, / }).waitFor();
      await signedIn.page.getByRole("button", { name: /Menu du compte/ }).waitFor();
      expect(new URL(signedIn.page.url()).pathname).toBe("/");
    } finally {
      await signedIn.context.close();
    }
  });
});

describe("the portal on a phone", () => {
  const parent = parentInput("Famille", longAddress("parent"));
  let student: Awaited<ReturnType<typeof createTestStudent>>;
  let studentName: string;
  const links = { student: "", parent: "", waiting: "" };
  beforeAll(async () => {
    student = await createTestStudent(session.world, { email: longAddress("eleve"), guardians: [parent] });
    studentName = `${student.firstName} ${student.lastName}`;
    const waiting = await createTestStudent(session.world, { email: longAddress("attente") });
    links.student = (await enableAccessFor(session.page, student.id, studentName, student.email!)).link;
    links.parent = (await enableAccessFor(session.page, student.id, `${parent.firstName} ${parent.lastName}`, parent.email)).link;
    links.waiting = (await enableAccessFor(session.page, waiting.id, `${waiting.firstName} ${waiting.lastName}`, waiting.email!)).link;
  }, 60_000);

  it("never scrolls sideways signed out, and its 404 leads to the portal's sign-in", async () => {
    const visitor = await newContext(session.browser);
    const page = await visitor.newPage();
    const overflowing: string[] = [];
    for (const path of [
      "/",
      "/espace-etudiant/connexion",
      "/espace-etudiant/connexion?session=expiree",
      "/espace-etudiant/mot-de-passe-oublie",
      links.waiting,
    ]) {
      overflowing.push(...(await overflowingWidths(page, path)));
    }
    const missing = await page.goto("/espace-etudiant/page-inconnue");
    expect(missing?.status()).toBe(404);
    overflowing.push(...(await overflowingWidths(page, null)));
    expect(overflowing).toEqual([]);
    await page.getByRole("link", { name: "Retour à l'espace étudiant" }).click();
    await page.waitForURL((url) => url.pathname === "/espace-etudiant/connexion");
    await visitor.close();
  }, 60_000);

  it("never scrolls sideways for a student with a long address, whose 404 and header lead home", async () => {
    const visitor = await newContext(session.browser);
    const page = await visitor.newPage();
    // The welcome note with their address, then home with the change of password, then the used link.
    await page.setViewportSize({ width: 320, height: 844 });
    await choosePasswordAt(page, links.student, PASSWORD);
    expect(await scrollsSideways(page)).toBeNull();
    await page.getByText(student.email!, { exact: true }).waitFor();
    const overflowing = await overflowingWidths(page, "/espace-etudiant");
    // « Se déconnecter » stays on one line at 320 px: its text has one box.
    await page.setViewportSize({ width: 320, height: 844 });
    const signOut = page.getByRole("button", { name: "Se déconnecter" });
    await signOut.waitFor();
    expect(
      await signOut.evaluate((button) => {
        const range = document.createRange();
        range.selectNodeContents(button);
        return range.getClientRects().length;
      }),
    ).toBe(1);
    overflowing.push(...(await overflowingWidths(page, links.student)));

    // Signed in, the 404 leads to the portal home; so does the portal's name in the header, and home itself.
    await page.goto("/espace-etudiant/page-inconnue");
    overflowing.push(...(await overflowingWidths(page, null)));
    expect(overflowing).toEqual([]);
    await page.getByRole("link", { name: "Retour à l'espace étudiant" }).click();
    await page.waitForURL((url) => url.pathname === "/espace-etudiant" && url.search === "");
    await page.getByRole("heading", { name: `Bonjour ${studentName}` }).waitFor();
    await page.getByRole("link", { name: "Sésame · Espace étudiant" }).click();
    await page.waitForURL((url) => url.pathname === "/espace-etudiant");
    await page.goto("/");
    await page.waitForURL((url) => url.pathname === "/espace-etudiant");
    await visitor.close();
  }, 60_000);

  it("never scrolls sideways for a parent with a long address, whose child's card shows the child's", async () => {
    const visitor = await newContext(session.browser);
    const page = await visitor.newPage();
    await page.setViewportSize({ width: 320, height: 844 });
    await choosePasswordAt(page, links.parent, PASSWORD);
    expect(await scrollsSideways(page)).toBeNull();
    expect(await overflowingWidths(page, "/espace-etudiant")).toEqual([]);
    await page.getByRole("region", { name: studentName }).getByText(student.email!, { exact: true }).waitFor();
    await visitor.close();
  }, 60_000);
});
