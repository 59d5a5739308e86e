/** @jest-environment node */
import type { Browser, Page } from "playwright-core";
import { launchBrowser, signedInPage } from "./support/browser";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await signedInPage(browser, "secretariat"));
});
afterAll(() => browser?.close());

const listCount = () => page.getByText(/^\d+ étudiants?$|^Aucun étudiant$/).textContent();

describe("Suivi des accès", () => {
  it("is in the main menu, and a class's number of students in a state is the number the list it opens shows", async () => {
    await page.goto("/etudiants");
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Suivi des accès" }).click();
    await page.waitForURL("**/suivi-des-acces");
    await page.getByRole("heading", { level: 1, name: "Suivi des accès" }).waitFor();

    // Open the first program of the first school with the keyboard, then take a class's count.
    const program = page.locator("details details").first();
    await program.locator("summary").focus();
    await page.keyboard.press("Enter");
    const link = program.locator("a[href*='classe=']").first();
    await link.waitFor();
    const number = Number(await link.textContent());
    const label = (await link.getAttribute("aria-label")) ?? "";
    expect(number).toBeGreaterThan(0);
    expect(label).toMatch(/ : ouvrir la liste$/);

    await link.click();
    await page.waitForURL(/\/etudiants\?.*classe=.*acces=/);
    expect(await listCount()).toBe(number === 1 ? "1 étudiant" : `${number} étudiants`);
    expect(await page.locator("tbody a[href^='/etudiants/']").count()).toBe(Math.min(number, 25));
  });

  it("exports the board as CSV: UTF-8 with BOM, semicolons, one row per level and audience", async () => {
    await page.goto("/suivi-des-acces");
    const file = await page.evaluate(async () => {
      const response = await fetch("/suivi-des-acces/export");
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { type: response.headers.get("content-type"), bom: [...bytes.slice(0, 3)], text: new TextDecoder().decode(bytes) };
    });
    expect(file.type).toBe("text/csv; charset=utf-8");
    expect(file.bom).toEqual([0xef, 0xbb, 0xbf]);
    const [header, students] = file.text.split("\r\n");
    expect(header).toBe(
      "Établissement;Formation;Classe;Public;Aucun accès;Invitation envoyée;Lien expiré;Actif;Désactivé;Total;Taux d'activation;Extrait le",
    );
    expect(students).toMatch(
      /^Tous les établissements;Toutes les formations;Toutes les classes;Étudiants;(\d+;){6}\d+ %;\d\d\/\d\d\/\d{4} \d\d:\d\d$/,
    );
  });
});
