/** @jest-environment node */
// Families in the espace étudiant: a parent of two children signs in once and sees both; parents
// sharing one address are shown to staff before access is enabled, and only one gets it.
import type { Browser } from "playwright-core";
import { launchBrowser, newContext, signedInPage } from "./support/browser";
import {
  createFamily,
  createSchoolWithStaff,
  createTestStudent,
  parentInput,
  uniqueName,
  type StaffAccount,
  type World,
} from "./support/factories";
import { choosePasswordAt, enableAccessFor } from "./support/portal";

let browser: Browser;
let world: World;
let staff: StaffAccount;
beforeAll(async () => {
  browser = await launchBrowser();
  ({ world, staff } = await createSchoolWithStaff());
});
afterAll(() => browser?.close());

const PASSWORD = "les deux enfants vont au lycee";

describe("a parent with two children", () => {
  it("activates one account and sees both children on their espace étudiant", async () => {
    const { parent, children } = await createFamily(world);
    const parentName = `${parent.firstName} ${parent.lastName}`;
    const signedIn = await signedInPage(browser, staff);
    const { email, link } = await enableAccessFor(signedIn.page, children[0].id, parentName, parent.email);
    for (const child of children) expect(email.text).toContain(`${child.firstName} ${child.lastName}`);
    await signedIn.context.close();

    const visitor = await newContext(browser);
    const page = await visitor.newPage();
    await choosePasswordAt(page, link, PASSWORD);
    await page.getByRole("heading", { name: `Bonjour ${parentName}` }).waitFor();
    await page.getByRole("heading", { name: "Vos enfants" }).waitFor();
    for (const child of children) {
      const card = page.getByRole("region", { name: `${child.firstName} ${child.lastName}` });
      await card.getByText(child.schoolName).waitFor();
      await card.getByText(child.className, { exact: true }).waitFor();
    }

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL("**/espace-etudiant/connexion");
    await page.goto("/espace-etudiant");
    await page.waitForURL("**/espace-etudiant/connexion");
    await visitor.close();
  });
});

describe("two parents with one family address", () => {
  it("warns staff before enabling, then keeps the address to the first parent", async () => {
    const lastName = uniqueName("Famille");
    const first = parentInput(lastName);
    const second = parentInput(lastName, first.email);
    const student = await createTestStudent(world, { lastName, guardians: [first, second] });
    expect(first.email).toBe(second.email);
    const signedIn = await signedInPage(browser, staff);
    await signedIn.page.goto(`/etudiants/${student.id}/espace-etudiant`);
    const firstCard = signedIn.page.getByRole("region", { name: new RegExp(`${first.firstName} ${first.lastName}`) });
    const secondCard = signedIn.page.getByRole("region", { name: new RegExp(`${second.firstName} ${second.lastName}`) });
    await firstCard
      .getByRole("note", { name: "Adresse partagée" })
      .getByText(`Cette adresse est aussi celle de ${second.firstName} ${second.lastName}`)
      .waitFor();

    await firstCard.getByRole("button", { name: "Activer l'accès" }).click();
    const dialog = signedIn.page.getByRole("alertdialog");
    await dialog
      .getByRole("note", { name: "Adresse partagée" })
      .getByText(/cette personne ne pourra pas avoir d'accès avec la même adresse/)
      .waitFor();
    await dialog.getByRole("button", { name: "Activer l'accès" }).click();
    await firstCard.getByText("Invitation envoyée", { exact: true }).waitFor();

    await secondCard
      .getByRole("note", { name: "Adresse partagée" })
      .getByText(/Cette adresse ouvre déjà l'espace étudiant de/)
      .waitFor();
    expect(await secondCard.getByRole("button", { name: "Activer l'accès" }).isDisabled()).toBe(true);
    await secondCard.getByRole("button", { name: "Modifier l'email" }).waitFor();
    await signedIn.context.close();
  });
});
