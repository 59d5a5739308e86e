/** @jest-environment node */
// Families in the espace étudiant: a parent of two children signs in once and sees both; parents
// sharing one address are shown to staff before access is enabled, and only one gets it.
import type { Browser } from "playwright-core";
import { launchBrowser, newContext, signedInPage } from "./support/browser";
import { parentOfSiblings, studentNamed } from "./support/database";
import { lastEmailId, linkTokenIn, waitForEmails } from "./support/inbox";
import { choosePasswordAt } from "./support/portal";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const PASSWORD = "les deux enfants vont au lycee";

describe("a parent with two children", () => {
  it("activates one account and sees both children on their espace étudiant", async () => {
    const parent = await parentOfSiblings();
    const parentName = `${parent.firstName} ${parent.lastName}`;
    const children = parent.students.map(({ student }) => student);
    const staff = await signedInPage(browser, "direction");
    const before = await lastEmailId();
    await staff.page.goto(`/etudiants/${children[0].id}/espace-etudiant`);
    await staff.page.getByRole("region", { name: new RegExp(parentName) }).getByRole("button", { name: "Activer l'accès" }).click();
    await staff.page.getByRole("alertdialog").getByRole("button", { name: "Activer l'accès" }).click();
    const [email] = await waitForEmails(parent.email!, 1, before);
    for (const child of children) expect(email.text).toContain(`${child.firstName} ${child.lastName}`);
    await staff.context.close();

    const visitor = await newContext(browser);
    const page = await visitor.newPage();
    await choosePasswordAt(page, `/activation/${linkTokenIn(email.text)}`, PASSWORD);
    await page.getByRole("heading", { name: `Bonjour ${parentName}` }).waitFor();
    await page.getByRole("heading", { name: "Vos enfants" }).waitFor();
    for (const child of children) {
      const card = page.getByRole("region", { name: `${child.firstName} ${child.lastName}` });
      await card.getByText(child.school.name).waitFor();
      await card.getByText(child.schoolClass.name, { exact: true }).waitFor();
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
    const student = await studentNamed("Jean-Baptiste", "N'Diaye");
    const [first, second] = student.guardians.map(({ guardian }) => guardian);
    expect(first.email).toBe(second.email);
    const staff = await signedInPage(browser, "secretariat");
    await staff.page.goto(`/etudiants/${student.id}/espace-etudiant`);
    const firstCard = staff.page.getByRole("region", { name: new RegExp(`${first.firstName} ${first.lastName}`) });
    const secondCard = staff.page.getByRole("region", { name: new RegExp(`${second.firstName} ${second.lastName}`) });
    await firstCard.getByRole("note", { name: "Adresse partagée" }).getByText(`Cette adresse est aussi celle de ${second.firstName} ${second.lastName}`).waitFor();

    await firstCard.getByRole("button", { name: "Activer l'accès" }).click();
    const dialog = staff.page.getByRole("alertdialog");
    await dialog.getByRole("note", { name: "Adresse partagée" }).getByText(/cette personne ne pourra pas avoir d'accès avec la même adresse/).waitFor();
    await dialog.getByRole("button", { name: "Activer l'accès" }).click();
    await firstCard.getByText("Invitation envoyée", { exact: true }).waitFor();

    await secondCard.getByRole("note", { name: "Adresse partagée" }).getByText(/Cette adresse ouvre déjà l'espace étudiant de/).waitFor();
    expect(await secondCard.getByRole("button", { name: "Activer l'accès" }).isDisabled()).toBe(true);
    await secondCard.getByRole("button", { name: "Modifier l'email" }).waitFor();
    await staff.context.close();
  });
});
