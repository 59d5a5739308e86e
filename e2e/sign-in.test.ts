/** @jest-environment node */
import type { Browser } from "playwright-core";
import { baseUrl, DEMO_ACCOUNTS, launchBrowser, newContext, signedInPage, submitSignIn } from "./support/browser";

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
    await page
      .getByRole("alert")
      .filter({ hasText: /Trop de tentatives de connexion\. Réessayez dans 15 minutes\./ })
      .waitFor();
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

describe("signing out", () => {
  it("ends the session on the server: a copy of the cookie opens nothing afterwards", async () => {
    const { context, page } = await signedInPage(browser, "secretariat");
    await page.waitForURL("**/etudiants");
    const copied = await context.cookies();
    expect(copied.some((cookie) => cookie.name === "next-auth.session-token")).toBe(true);
    const thief = await newContext(browser);
    await thief.addCookies(copied);
    expect((await thief.request.get("/etudiants", { maxRedirects: 0 })).status()).toBe(200);

    await page.getByRole("button", { name: /Menu du compte/ }).click();
    await page.getByRole("menuitem", { name: "Se déconnecter" }).click();
    await page.waitForURL("**/connexion");

    const afterwards = await thief.request.get("/etudiants", { maxRedirects: 0 });
    expect(afterwards.status()).toBe(307);
    expect(afterwards.headers()["location"]).toMatch(/\/connexion$/);
    await thief.close();
    await context.close();
  });
});

describe("return path after sign-in", () => {
  it.each([
    "%2F%09%2Fevil.example",
    "%2F%0A%2Fevil.example",
    "%2F%0D%2Fevil.example",
    "%2F%5C%09%5Cevil.example",
    "https%3A%2F%2Fevil.example",
  ])("stays on Sésame for retour=%s", async (hostile) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/connexion?retour=${hostile}`);
    await submitSignIn(page, DEMO_ACCOUNTS.secretariat);
    await page.waitForURL("**/etudiants");
    expect(new URL(page.url()).origin).toBe(baseUrl());
    // Already signed in, the sign-in page redirects at once: to the list, never elsewhere.
    const again = await context.request.get(`/connexion?retour=${hostile}`, { maxRedirects: 0 });
    expect(again.status()).toBe(307);
    expect(again.headers()["location"]).toBe("/etudiants");
    await context.close();
  });

  it("answers the sign-in page, not a server error, for a return path carrying a header", async () => {
    const hostile = encodeURIComponent("/\r\nSet-Cookie:x=1");
    const anonymous = await newContext(browser);
    const response = await anonymous.request.get(`/connexion?retour=${hostile}`, { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("x=1");
    await anonymous.close();
    const { context } = await signedInPage(browser, "secretariat");
    const signedIn = await context.request.get(`/connexion?retour=${hostile}`, { maxRedirects: 0 });
    expect(signedIn.status()).toBe(307);
    expect(signedIn.headers()["location"]).toBe("/etudiants");
    expect(signedIn.headers()["set-cookie"] ?? "").not.toContain("x=1");
    await context.close();
  });
});
