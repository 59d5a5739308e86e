/** @jest-environment node */
// Scripts run only with the response's nonce: no 'unsafe-inline', a fresh nonce per answer, every
// script of the page carrying it, and the app working under that policy.
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newContext, signIn } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

function scriptSource(policy: string): string {
  return (
    policy
      .split(";")
      .map((part) => part.trim())
      .find((part) => part.startsWith("script-src")) ?? ""
  );
}

/** Collects every CSP violation the page reports. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportViolation(text: string): void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`,
      ),
    );
  });
  return violations;
}

describe("Content-Security-Policy", () => {
  it.each(["/connexion", "/espace-etudiant/connexion", "/activation/inconnu", "/page-inconnue"])(
    "gives %s a fresh nonce that every script carries, and no 'unsafe-inline' script",
    async (path) => {
      const context = await newContext(browser);
      const [first, second] = [await context.request.get(path), await context.request.get(path)];
      const policies = [first, second].map((response) => response.headers()["content-security-policy"] ?? "");
      const nonces = policies.map((policy) => scriptSource(policy).match(/'nonce-([^']+)'/)?.[1]);
      expect(nonces[0]).toBeTruthy();
      expect(nonces[0]).not.toBe(nonces[1]);
      expect(scriptSource(policies[0])).not.toContain("'unsafe-inline'");
      expect(scriptSource(policies[0])).toContain("'strict-dynamic'");
      const html = await first.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonces[0]}"`);
      await context.close();
    },
  );

  it("lets staff sign in, search, open a profile and its Espace étudiant page without a single violation", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await signIn(page, "secretariat");
    await page.getByRole("searchbox", { name: "Rechercher un étudiant" }).fill("dupont");
    await page.waitForURL("**/etudiants?q=dupont");
    await page.getByRole("link", { name: "Dupont Marie" }).click();
    await page.getByRole("heading", { level: 1, name: /Marie Dupont/ }).waitFor();
    await page.getByRole("link", { name: "Espace étudiant" }).click();
    await page
      .getByRole("button", { name: /Activer l'accès|Renvoyer l'email d'activation|Désactiver l'accès/ })
      .first()
      .waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  it("lets students and parents use the portal's sign-in, forgotten-password and link pages without a violation", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await page.goto("/espace-etudiant/connexion");
    await page.getByLabel("Adresse email").fill("personne@exemple.fr");
    await page.getByLabel("Mot de passe", { exact: true }).fill("un mot de passe faux");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("alert").filter({ hasText: "Adresse email ou mot de passe incorrect." }).waitFor();
    await page.goto("/espace-etudiant/mot-de-passe-oublie");
    await page.getByLabel("Adresse email").fill("personne@exemple.fr");
    await page.getByRole("button", { name: "Recevoir un nouveau lien" }).click();
    await page.getByRole("status").filter({ hasText: "Si un accès" }).waitFor();
    await page.goto("/activation/inconnu");
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  it("blocks script injected into a page as markup (an inline handler), as a stored XSS would be", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await page.goto("/connexion");
    await page.getByRole("button", { name: "Se connecter" }).waitFor();
    await page.evaluate(() => {
      const holder = document.createElement("div");
      holder.innerHTML = `<img src="/icon.svg?x" onload="window.injected = true"><img src="data:," onerror="window.injected = true">`;
      document.body.append(holder);
    });
    // The violation report arrives asynchronously.
    for (let wait = 0; wait < 40 && !violations.length; wait += 1) await page.waitForTimeout(50);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    expect(violations.some((violation) => violation.startsWith("script-src"))).toBe(true);
    await context.close();
  });
});
