/** @jest-environment node */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, signedInPage } from "./support/browser";
import { demoStudentIds } from "./support/database";

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await signedInPage(browser, "secretariat"));
});
afterAll(() => browser?.close());

const search = () => page.getByRole("searchbox", { name: "Rechercher un étudiant" });
const profileLinks = () => page.locator("tbody a[href^='/etudiants/']");
const rowNames = () => profileLinks().allTextContents();
const count = () => page.getByText(/^\d+ étudiants?$|^Aucun étudiant$/).textContent();

describe("Étudiants list", () => {
  it("lists the 60 demo students, 25 per page, sorted by last name", async () => {
    await page.goto("/etudiants");
    expect(await count()).toBe("60 étudiants");
    const names = await rowNames();
    expect(names).toHaveLength(25);
    const lastNames = names.map((name) => name.split(" ").slice(0, -1).join(" "));
    const sorted = [...lastNames].sort((a, b) => a.localeCompare(b, "fr", { sensitivity: "base" }));
    expect(lastNames).toEqual(sorted);
    await page.getByRole("button", { name: "Page suivante" }).click();
    await page.waitForURL("**/etudiants?page=2");
    await page.getByText("Page 2 sur 3").waitFor();
  });

  it("searches without accents as the user types, keeping the focus in the search box", async () => {
    await page.goto("/etudiants");
    await search().click();
    await page.keyboard.type("helene");
    await page.waitForURL("**/etudiants?q=helene");
    await page.getByRole("link", { name: "LEFÈVRE Hélène" }).waitFor();
    expect(await search().evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it("lists the student named Hélène first, then the students found through a parent so named, saying so", async () => {
    await page.goto("/etudiants?q=helene");
    await search().fill("Hélène");
    await page.waitForURL("**/etudiants?q=H%C3%A9l%C3%A8ne");
    // Hélène herself first, then the students whose parent is called Hélène, saying so.
    const names = await rowNames();
    expect(names[0]).toBe("Lefèvre Hélène");
    const foundThroughParent = await page
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((row) => /Trouvé par son parent Hélène /.test(row.textContent ?? "")));
    expect(foundThroughParent).toEqual(names.map((_, index) => index > 0));
  });

  it("finds a student by last and first name, and keeps the search in the URL across a reload", async () => {
    await page.goto("/etudiants");
    await search().fill("dupont marie");
    await page.waitForURL("**/etudiants?q=dupont+marie");
    await page.getByText("1 étudiant", { exact: true }).waitFor();
    expect(await rowNames()).toEqual(["Dupont Marie"]);
    await page.reload();
    expect(await search().inputValue()).toBe("dupont marie");
    expect(await rowNames()).toEqual(["Dupont Marie"]);
  });

  it("finds N'Diaye with or without the apostrophe, and in full-width letters", async () => {
    await page.goto("/etudiants");
    for (const [query, url] of [
      ["ndiaye", "ndiaye"],
      ["n diaye", "n+diaye"],
      ["Ｎ'Ｄｉａｙｅ", "%EF%BC%AE%27%EF%BC%A4%EF%BD%89%EF%BD%81%EF%BD%99%EF%BD%85"],
    ]) {
      await search().fill(query);
      await page.waitForURL(`**/etudiants?q=${url}`);
      const names = await rowNames();
      expect([query, names]).toEqual([query, expect.arrayContaining(["N'Diaye Jean-Baptiste"])]);
      expect(names.every((name) => name.startsWith("N'Diaye "))).toBe(true);
    }
    await search().fill("jean baptiste ndiaye");
    await page.waitForURL("**/etudiants?q=jean+baptiste+ndiaye");
    expect(await rowNames()).toEqual(["N'Diaye Jean-Baptiste"]);
  });

  it("loads the list without fetching every student's profile, and still opens one on click", async () => {
    const profileFetches: string[] = [];
    const watch = (request: { url(): string }) => {
      const { pathname } = new URL(request.url());
      if (/^\/etudiants\/(?!envois)[a-z0-9]+/i.test(pathname)) profileFetches.push(pathname);
    };
    page.on("request", watch);
    await page.goto("/etudiants");
    await profileLinks().first().waitFor();
    // Next.js prefetches visible links shortly after load: give it the time to.
    await page.waitForTimeout(1500);
    expect(profileFetches).toEqual([]);
    const [lastName, ...firstNames] = (await profileLinks().first().textContent())!.split(" ");
    await profileLinks().first().click();
    await page.getByRole("heading", { level: 1, name: new RegExp(`${firstNames.join(" ")} ${lastName}`, "i") }).waitFor();
    page.off("request", watch);
    expect(profileFetches.length).toBeGreaterThan(0);
  });

  it("shows a no-result state that resets everything", async () => {
    await page.goto("/etudiants?q=zzzzzz");
    await page.getByRole("heading", { name: "Aucun étudiant ne correspond" }).waitFor();
    await page.getByRole("button", { name: "Réinitialiser la recherche et les filtres" }).click();
    await page.waitForURL((url) => url.search === "");
    expect(await count()).toBe("60 étudiants");
  });

  it("filters by missing email with a removable chip, using the keyboard only", async () => {
    await page.goto("/etudiants");
    await page.getByRole("button", { name: "Filtres" }).focus();
    await page.keyboard.press("Enter");
    const emailSelect = page.getByLabel("Email", { exact: true });
    await emailSelect.focus();
    await emailSelect.selectOption({ label: "Email manquant" });
    await page.waitForURL("**/etudiants?email=manquant");
    await page.keyboard.press("Escape");
    expect(await count()).toBe("6 étudiants");
    const chip = page.getByRole("button", { name: "Retirer le filtre Email manquant" });
    await chip.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.search === "");
    expect(await count()).toBe("60 étudiants");
  });

  it("opens the Aperçu panel, then the profile with its Informations", async () => {
    await page.goto("/etudiants?q=dupont+marie");
    await page.getByRole("button", { name: "Aperçu de Marie Dupont" }).last().click();
    const panel = page.getByRole("dialog", { name: "Marie Dupont" });
    await panel.waitFor();
    await panel.getByRole("heading", { name: "Parents" }).waitFor();
    expect(await panel.textContent()).toContain("Date de naissance");
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "Aperçu de Marie Dupont" }).first().click();
    await panel.getByRole("link", { name: "Aller sur la fiche de l'étudiant" }).click();
    await page.waitForURL(/\/etudiants\/[a-z0-9]+$/);
    await page.getByRole("heading", { level: 1, name: "Marie Dupont" }).waitFor();
    expect(await page.getByRole("link", { name: "Informations" }).getAttribute("aria-current")).toBe("page");
    await page.getByRole("link", { name: "Espace étudiant" }).click();
    await page.waitForURL(/\/espace-etudiant$/);
    await page
      .getByRole("region", { name: /Marie Dupont/ })
      .getByText(/Aucun accès|Invitation envoyée|Actif|Désactivé|Lien expiré/)
      .first()
      .waitFor();
  });

  it("flags a missing and an invalid email on the profile", async () => {
    await page.goto("/etudiants?email=manquant");
    await profileLinks().first().click();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByText("Aucune adresse email").first().waitFor();
    await page.goto("/etudiants?q=%40%40");
    await profileLinks().first().click();
    await page.getByText("Adresse email invalide").first().waitFor();
  });

  it("answers a proper 404 page for an unknown student", async () => {
    const response = await page.goto("/etudiants/inconnu123");
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Étudiant introuvable" }).waitFor();
  });
});

describe("a teacher restricted to the first school", () => {
  it("neither finds nor opens the students of the second school", async () => {
    const ids = await demoStudentIds();
    const teacher = await signedInPage(browser, "enseignant");
    try {
      await teacher.page.goto("/etudiants");
      const total = await teacher.page.getByText(/^\d+ étudiants$/).textContent();
      expect(Number(total!.split(" ")[0])).toBeLessThan(60);
      const response = await teacher.page.goto(`/etudiants/${ids.secondSchool.id}`);
      expect(response?.status()).toBe(404);
      await teacher.page.goto(`/etudiants/${ids.firstSchool.id}`);
      await teacher.page.getByRole("heading", { level: 1, name: `${ids.firstSchool.firstName} ${ids.firstSchool.lastName}` }).waitFor();
    } finally {
      await teacher.context.close();
    }
  });
});

afterAll(() => context?.close());
