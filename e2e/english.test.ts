/** @jest-environment node */
// Sésame in English, end to end: a staff member switches their interface to English, which follows
// them to another computer and stays on the sign-in page once they sign out; a student switches the
// portal to English from the activation email's page and keeps it on every portal page; the
// addresses stay the same in both languages; a student whose email language is English gets English emails.
import type { Page } from "playwright-core";
import { newContext, signedInPage } from "./support/browser";
import { createTestStudent } from "./support/factories";
import { lastEmailId, linkTokenIn, waitForEmails } from "./support/inbox";
import { staffSessionForFile } from "./support/session";

const session = staffSessionForFile();

const PASSWORD = "a passphrase for the portal";

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

async function switchTo(page: Page, language: "English" | "Français") {
  const path = new URL(page.url()).pathname;
  await page.getByRole("button", { name: language, exact: true }).click();
  await page.waitForFunction((code) => document.documentElement.lang === code, language === "English" ? "en" : "fr");
  expect(new URL(page.url()).pathname).toBe(path);
}

describe("staff in English", () => {
  it("switches the interface, remembers it for the account, and keeps the addresses", async () => {
    const { page } = session;
    const student = await createTestStudent(session.world, { firstName: "Helen", lastName: "Ashford" });
    await page.goto("/etudiants");
    await page.getByRole("heading", { level: 1, name: "Étudiants" }).waitFor();
    expect(await lang(page)).toBe("fr");

    await switchTo(page, "English");
    await page.getByRole("heading", { level: 1, name: "Students" }).waitFor();
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Sends" }).waitFor();
    await page.getByRole("searchbox").fill("Ashford");
    await page
      .getByRole("cell", { name: /Helen Ashford/ })
      .first()
      .waitFor();

    // The profile and its access page, in English at their French addresses.
    await page.goto(`/etudiants/${student.id}/espace-etudiant`);
    await page.getByRole("button", { name: "Enable access" }).first().waitFor();
    expect(await page.title()).toMatch(/Helen Ashford/);
    expect(await page.title()).not.toMatch(/Étudiant|Accès/);

    // Another computer: the account brings its language with it.
    const { context: elsewhere, page: other } = await signedInPage(session.browser, session.staff);
    await other.goto("/etudiants");
    await other.getByRole("heading", { level: 1, name: "Students" }).waitFor();
    expect(await lang(other)).toBe("en");

    // Signed out, this browser's sign-in page stays in English; switching back works there too.
    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL("**/connexion");
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await switchTo(page, "Français");
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    await elsewhere.close();
  });
});

describe("the portal in English", () => {
  it("follows the student's choice from the activation page to the portal home and back", async () => {
    const { context: staff, page: staffPage } = await signedInPage(session.browser, session.staff);
    const student = await createTestStudent(session.world, { firstName: "Oliver", lastName: "Bennett" });
    // The account chose English in the test above. Staff set the student's email language, then
    // enable the access: the invitation goes out in English.
    await staffPage.goto(`/etudiants/${student.id}`);
    await staffPage.getByRole("button", { name: "More actions for Oliver Bennett" }).first().click();
    await staffPage.getByRole("menuitem", { name: "Edit email" }).click();
    const edit = staffPage.getByRole("dialog", { name: /Oliver Bennett/ });
    await edit.getByLabel("Email language").selectOption("en");
    await edit.getByRole("button", { name: "Save" }).click();
    await staffPage.getByRole("status").filter({ hasText: "Email language saved." }).waitFor();

    const before = await lastEmailId();
    await staffPage.goto(`/etudiants/${student.id}/espace-etudiant`);
    const card = staffPage.getByRole("region", { name: /Oliver Bennett/ });
    await card.getByRole("button", { name: "Enable access" }).click();
    await staffPage.getByRole("alertdialog").getByRole("button", { name: "Enable access" }).click();
    const [email] = await waitForEmails(student.email!, 1, before);
    expect(email.subject).toMatch(/^Your student portal access/);
    expect(email.html).toMatch(/<html[^>]*lang="en"/);
    const link = `/activation/${linkTokenIn(email.text)}`;
    await staff.close();

    const visitor = await newContext(session.browser);
    const page = await visitor.newPage();
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "Choisir mon mot de passe" }).waitFor();
    await switchTo(page, "English");
    await page.getByRole("heading", { level: 1, name: "Choose your password" }).waitFor();
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Confirm password").fill(PASSWORD);
    await page.getByRole("button", { name: "Save my password" }).click();
    await page.getByRole("status").filter({ hasText: "Password saved: your access to the student portal is now active." }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/espace-etudiant");
    expect(await lang(page)).toBe("en");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/espace-etudiant/connexion");
    await page.getByRole("heading", { level: 1, name: "Sign in to the student portal" }).waitFor();
    await page.getByLabel("Email address").fill(student.email!);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/espace-etudiant");
    await page.getByRole("heading", { level: 1, name: /Oliver/ }).waitFor();

    await switchTo(page, "Français");
    await page.getByRole("button", { name: "Se déconnecter" }).waitFor();
    await visitor.close();
  });
});
