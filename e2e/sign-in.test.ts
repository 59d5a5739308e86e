/** @jest-environment node */
import type { Browser } from "playwright-core";
import { DEMO_ACCOUNTS, launchBrowser, newContext, signedInPage, submitSignIn } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("staff sign-in", () => {
  it("refuses a wrong password with one generic French message", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/etudiants");
    await page.waitForURL("**/connexion?retour=%2Fetudiants");
    await submitSignIn(page, DEMO_ACCOUNTS.direction, "pas-le-bon");
    // Next's route announcer is also an alert: look for ours by its text.
    const error = page.getByRole("alert").filter({ hasText: "Adresse email ou mot de passe incorrect." });
    await error.waitFor();
    await page.getByLabel("Adresse email").fill("personne@sesame.test");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await error.waitFor();
    expect(page.url()).toMatch(/\/connexion\?retour=%2Fetudiants$/);
    await context.close();
  });

  it("pauses an address after repeated wrong passwords", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/connexion");
    // Not a demo account: the pause lasts 15 minutes and the other tests sign in with those.
    const email = `force.brute.${Date.now()}@sesame.test`;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await submitSignIn(page, email, `essai numero ${attempt}`);
      await page.getByRole("alert").filter({ hasText: "Adresse email ou mot de passe incorrect." }).waitFor();
    }
    await submitSignIn(page, email, "encore un essai");
    await page.getByRole("alert").filter({ hasText: /Trop de tentatives de connexion\. Réessayez dans 15 minutes\./ }).waitFor();
    await context.close();
  });

  it.each(["direction", "secretariat", "enseignant"] as const)("signs %s in on the Étudiants list, then out", async (role) => {
    const { context, page } = await signedInPage(browser, role);
    await page.waitForURL("**/etudiants");
    await page.getByRole("heading", { level: 1, name: "Étudiants" }).waitFor();
    await page.getByRole("button", { name: /Menu du compte/ }).click();
    await page.getByRole("menuitem", { name: "Se déconnecter" }).click();
    await page.waitForURL("**/connexion");
    await page.goto("/etudiants");
    await page.waitForURL("**/connexion?retour=%2Fetudiants");
    await context.close();
  });

  it("tells comptable@ their role opens no section, and refuses the list with « Accès refusé »", async () => {
    const { context, page } = await signedInPage(browser, "comptable");
    await page.getByRole("heading", { level: 1, name: /Bienvenue/ }).waitFor();
    expect(await page.getByRole("link", { name: "Étudiants" }).count()).toBe(0);
    const response = await page.goto("/etudiants");
    expect(response?.status()).toBe(403);
    await page.getByRole("heading", { level: 1, name: "Accès refusé" }).waitFor();
    await context.close();
  });
});

describe("deep links", () => {
  it("bring a signed-out staff member back to the page they asked for", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/etudiants?q=dupont+marie");
    await page.waitForURL("**/connexion?retour=%2Fetudiants%3Fq%3Ddupont%2Bmarie");
    await submitSignIn(page, DEMO_ACCOUNTS.secretariat);
    await page.waitForURL("**/etudiants?q=dupont+marie");
    await page.getByRole("link", { name: "Dupont Marie" }).waitFor();
    await context.close();
  });
});
