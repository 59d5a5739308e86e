/** @jest-environment node */
// The Étudiants list on a phone (390 × 844: a card per student), a 1366 × 768 laptop and a 1440 × 900
// screen: nothing scrolls sideways, no word is cut in two, badges stay on one line, text cut with « … »
// keeps its whole value in a title, and a 1366 × 768 screen shows at least 12 students without
// scrolling; a screenshot of each in e2e/artifacts/screenshots. Then the orders: « Classe » and
// « Accès » sort the list (aria-sort, the URL, a reload), by mouse and by keyboard.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { deriveClassColumns } from "@/lib/data/person-columns";
import { getDb } from "@/lib/db";
import { buildClassSortKey } from "@/lib/search/normalize";
import { expectNoViolations } from "./support/axe";
import { createTestStudent, parentInput, uniqueName, type Student } from "./support/factories";
import { scrollsSideways } from "./support/layout";
import { staffSessionForFile } from "./support/session";

const session = staffSessionForFile();
let page: Page;
const SCREENSHOTS = path.join(__dirname, "artifacts", "screenshots");
const SIZES = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
];
const DAY_MS = 24 * 60 * 60 * 1000;
const STATES = [
  null,
  { enabled: true, linkExpiresAt: new Date(Date.now() + DAY_MS) },
  { enabled: true, linkExpiresAt: new Date(Date.now() - DAY_MS) },
  { enabled: true, passwordHash: "hash" },
  { enabled: false, passwordHash: "hash", disabledAt: new Date() },
];
let first: Student;

/**
 * 26 students as a real school has them: long names and addresses, a missing and an invalid address,
 * parents, every access state, classes with numbers, a long school and program name.
 */
async function seedStudents() {
  const db = getDb();
  const [school] = session.world.schools;
  await db.school.update({ where: { id: school.school.id }, data: { name: `Lycée polyvalent Marguerite-Yourcenar ${uniqueName("")}` } });
  await db.program.update({ where: { id: school.program.id }, data: { name: "BTS Management commercial opérationnel" } });
  const classes = [];
  for (const name of ["2nde 10", "2nde 9", "1re STMG 2", "Terminale générale B"]) {
    classes.push(
      await db.schoolClass.create({
        data: { programId: school.program.id, schoolYearId: session.world.currentYear.id, ...deriveClassColumns(name) },
      }),
    );
  }
  const students: Student[] = [];
  for (let index = 0; index < 26; index += 1) {
    const long = index % 5 === 0;
    const student = await createTestStudent(session.world, {
      lastName: long ? uniqueName("De La Fontaine-Saint-Exupéry") : uniqueName("Nom"),
      firstName: long ? uniqueName("Marie-Charlotte") : uniqueName("Eleve"),
      email:
        index === 3
          ? null
          : index === 4
            ? "adresse-invalide@"
            : long
              ? `${uniqueName("marie.charlotte.de.la.fontaine")}@etablissement-scolaire.sesame.test`
              : undefined,
      school: index % 7 === 6 ? 1 : 0,
      guardians:
        index % 3 === 0
          ? [parentInput(uniqueName("Parent")), parentInput(uniqueName("Parent"))]
          : index % 3 === 1
            ? [parentInput(uniqueName("Parent"))]
            : [],
    });
    if (index % 7 !== 6) await db.student.update({ where: { id: student.id }, data: { classId: classes[index % classes.length].id } });
    const access = STATES[index % STATES.length];
    if (access) await db.portalAccess.create({ data: { studentId: student.id, ...access } });
    students.push(student);
  }
  return students;
}

beforeAll(async () => {
  page = session.page;
  mkdirSync(SCREENSHOTS, { recursive: true });
  [first] = await seedStudents();
}, 120_000);

/** What breaks the list's layout besides a sideways scroll, read in the page: one line per problem (none expected). */
function layoutProblems(): string[] {
  const problems: string[] = [];
  const root = document.documentElement;
  const show = (element: Element) =>
    `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") ?? ""}"> « ${element.textContent?.trim()} »`;
  const words = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim().toLowerCase();
  for (const element of Array.from(document.querySelectorAll("table th, table th *, table td, table td *"))) {
    const style = getComputedStyle(element);
    if (
      style.overflowWrap === "anywhere" ||
      style.wordBreak === "break-all" ||
      style.wordBreak === "break-word" ||
      style.hyphens === "auto"
    ) {
      problems.push(`may break a word: ${show(element)}`);
    }
    const html = element as HTMLElement;
    // Hidden, or only for screen readers (a 1 px box), or not cut.
    if (style.display === "none" || html.getBoundingClientRect().width <= 1 || html.scrollWidth <= html.clientWidth) continue;
    // Cut text: only with « … », its whole value in a title.
    const title = element.closest("[title]")?.getAttribute("title");
    if (style.textOverflow !== "ellipsis" || style.overflowX !== "hidden") problems.push(`overflows without « … »: ${show(element)}`);
    else if (!title || !words(title).includes(words(element.textContent)))
      problems.push(`cut without its whole value in a title: ${show(element)}`);
  }
  for (const badge of Array.from(document.querySelectorAll("table [data-slot=badge]"))) {
    const style = getComputedStyle(badge);
    const oneLine = parseFloat(style.lineHeight) + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    if (badge.getBoundingClientRect().height > oneLine + 1) problems.push(`badge on more than one line: ${show(badge)}`);
  }
  for (const row of Array.from(document.querySelectorAll("tbody tr"))) {
    if (row.getBoundingClientRect().right > root.clientWidth) problems.push(`row past the right edge: ${show(row)}`);
  }
  return problems;
}

const fullName = (student: Student) => `${student.firstName} ${student.lastName}`;
const rows = () => page.locator("tbody tr");

describe.each(SIZES)("the list at $width × $height", ({ width, height }) => {
  beforeAll(() => page.setViewportSize({ width, height }));

  it("fits the screen: no sideways scroll, no word cut in two, badges on one line, every cut value whole in its title", async () => {
    await page.goto("/etudiants");
    await page.getByRole("link", { name: new RegExp(first.firstName) }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, `list-${width}x${height}.png`) });
    expect(await scrollsSideways(page)).toBeNull();
    expect(await page.evaluate(layoutProblems)).toEqual([]);
    if (width === 1366) {
      const visible = await rows().evaluateAll(
        (all) => all.filter((row) => row.getBoundingClientRect().bottom <= window.innerHeight).length,
      );
      expect(visible).toBeGreaterThanOrEqual(12);
    }
  });

  it("keeps every action of a row: selection, Aperçu (whole values), profile, Plus, access badge, parents", async () => {
    await page.goto(`/etudiants?q=${encodeURIComponent(first.lastName)}`);
    const row = rows().filter({ hasText: first.firstName }).first();
    // Below 1024 px each row is a card (a grid), above a table row.
    expect(await row.evaluate((element) => getComputedStyle(element).display)).toBe(width < 1024 ? "grid" : "table-row");
    for (const control of [
      row.getByRole("checkbox", { name: `Sélectionner ${fullName(first)}` }),
      row.getByRole("link", { name: new RegExp(first.firstName) }),
      row.getByRole("button", { name: `Plus d'actions pour ${fullName(first)}` }),
      row.getByRole("button", { name: /^\d\/\d parents? actifs?$/ }),
      row.getByText("Aucun accès", { exact: true }),
    ]) {
      expect(await control.isVisible()).toBe(true);
    }
    await row.getByRole("checkbox").check();
    await page.getByText("1 étudiant sélectionné").waitFor();
    await row.getByRole("button", { name: `Aperçu de ${fullName(first)}` }).click();
    const panel = page.getByRole("dialog", { name: fullName(first) });
    await panel.getByText(first.email!).waitFor();
    await panel.getByText("BTS Management commercial opérationnel").waitFor();
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    await page.screenshot({ path: path.join(SCREENSHOTS, `list-${width}x${height}-apercu.png`) });
    expect(await scrollsSideways(page)).toBeNull();
    await expectNoViolations(page, `Aperçu over the list at ${width} px`);
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "hidden" });
  });
});

/** The class column's values from top to bottom (the card shows the student number first on that line). */
const classNames = () =>
  page.locator("tbody td:nth-child(5) [title]").evaluateAll((cells) => cells.map((cell) => cell.getAttribute("title")!));
const byClassKey = (names: string[]) =>
  [...names].sort((a, b) => (buildClassSortKey(a) < buildClassSortKey(b) ? -1 : buildClassSortKey(a) > buildClassSortKey(b) ? 1 : 0));
const header = (name: string) => page.getByRole("columnheader", { name, exact: true });

describe.each([1366, 390])("sorting at %i px", (width) => {
  beforeAll(() => page.setViewportSize({ width, height: width === 390 ? 844 : 768 }));

  it("sorts by class with a click on « Classe », says so (aria-sort), keeps it in the URL and across a reload, and the selection", async () => {
    await page.goto("/etudiants");
    await rows().first().waitFor();
    expect(await header("Nom").getAttribute("aria-sort")).toBe("ascending");
    expect(await header("Classe").getAttribute("aria-sort")).toBeNull();
    await rows().first().getByRole("checkbox").check();
    const selection = page.getByRole("region", { name: "1 étudiant sélectionné" });
    await selection.waitFor();

    await page.getByRole("button", { name: "Classe", exact: true }).click();
    await page.waitForURL((url) => url.search === "?tri=classe");
    await header("Classe").and(page.locator("[aria-sort=ascending]")).waitFor();
    expect(await header("Nom").getAttribute("aria-sort")).toBeNull();
    // The same students in another order: the selection stays.
    expect(await selection.isVisible()).toBe(true);
    const ascending = await classNames();
    expect(ascending).toEqual(byClassKey(ascending));
    expect(new Set(ascending).size).toBeGreaterThan(2);
    await expectNoViolations(page, `sorted by class at ${width} px`);

    await page.getByRole("button", { name: "Classe", exact: true }).click();
    await page.waitForURL((url) => url.search === "?tri=classe&ordre=desc");
    await header("Classe").and(page.locator("[aria-sort=descending]")).waitFor();
    expect(await classNames()).toEqual(byClassKey(await classNames()).reverse());
    await page.screenshot({ path: path.join(SCREENSHOTS, `list-${width}-sorted-by-class.png`) });

    await page.reload();
    expect(await header("Classe").getAttribute("aria-sort")).toBe("descending");
    expect(await classNames()).toEqual(byClassKey(await classNames()).reverse());
  });

  it("sorts by access with the keyboard: Enter, then Space the other way, focus staying on the header's button", async () => {
    await page.goto("/etudiants");
    const button = page.getByRole("button", { name: "Accès", exact: true });
    await button.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.search === "?tri=acces");
    await header("Accès").and(page.locator("[aria-sort=ascending]")).waitFor();
    const badges = async () => rows().locator("[data-slot=badge]").filter({ hasNotText: "Adresse email invalide" }).allTextContents();
    const order = ["Aucun accès", "Invitation envoyée", "Lien expiré", "Actif", "Désactivé"];
    const states = await badges();
    expect(states).toEqual([...states].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press("Space");
    await page.waitForURL((url) => url.search === "?tri=acces&ordre=desc");
    await header("Accès").and(page.locator("[aria-sort=descending]")).waitFor();
    expect(await badges()).toEqual([...(await badges())].sort((a, b) => order.indexOf(b) - order.indexOf(a)));
  });
});
