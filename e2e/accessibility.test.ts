/** @jest-environment node */
// axe (WCAG 2.0/2.1 A and AA, 2.2 AA) on every page and dialog state, on a desktop and a 390 px wide
// screen: any violation fails, listed as rule, element and what to fix.
import type { Browser, Page } from "playwright-core";
import { newContext } from "./support/browser";
import { axeViolations } from "./support/axe";
import { createStaffAccount, createTestStudent, parentInput, type Student } from "./support/factories";
import { activeStudent, enableAccessFor } from "./support/portal";
import { staffSessionForFile } from "./support/session";
import { signedInPage } from "./support/browser";

const session = staffSessionForFile();
let page: Page;
let browser: Browser;
let student: Student;
let invited: Student;

const nameOf = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

beforeAll(async () => {
  ({ page, browser } = session);
  student = await createTestStudent(session.world, { guardians: [parentInput("Accessible")] });
  invited = await createTestStudent(session.world);
  await enableAccessFor(page, invited.id, nameOf(invited), invited.email!);
}, 60_000);

/** Fails with axe's violations on `on` (the staff's page unless given), one readable line each. */
async function expectNoViolations(state: string, on: Page = page) {
  const violations = await axeViolations(on);
  expect({ state, violations }).toEqual({ state, violations: [] });
}

const VIEWPORTS = [
  { label: "desktop", width: 1280, height: 900 },
  { label: "390 px", width: 390, height: 844 },
];

describe.each(VIEWPORTS)("on $label", ({ width, height }) => {
  beforeAll(() => page.setViewportSize({ width, height }));

  it("the student list: as loaded, filters open, Aperçu open, a row's Plus menu open", async () => {
    await page.goto(`/etudiants?q=${encodeURIComponent(invited.lastName)}`);
    await page
      .getByRole("button", { name: `Aperçu d'${nameOf(invited)}` })
      .first()
      .waitFor();
    await expectNoViolations("list");
    await page.getByRole("button", { name: "Filtres" }).click();
    await page.getByRole("dialog").first().waitFor();
    await expectNoViolations("filters open");
    await page.keyboard.press("Escape");
    await page
      .getByRole("button", { name: `Aperçu d'${nameOf(invited)}` })
      .first()
      .click();
    await page.getByRole("dialog", { name: nameOf(invited) }).waitFor();
    await expectNoViolations("Aperçu open");
    await page.keyboard.press("Escape");
    await page.getByRole("dialog", { name: nameOf(invited) }).waitFor({ state: "hidden" });
    await page.getByRole("button", { name: `Plus d'actions pour ${nameOf(invited)}` }).click();
    await page.getByRole("menu").waitFor();
    await expectNoViolations("row's Plus menu open");
    await page.keyboard.press("Escape");
    await page.getByRole("checkbox", { name: new RegExp(nameOf(invited)) }).check();
    await expectNoViolations("a row selected, with the bulk bar");
  }, 90_000);

  it("the profile: Informations, Espace étudiant, a confirmation dialog, the Plus menu, the history", async () => {
    await page.goto(`/etudiants/${student.id}`);
    await page.getByRole("heading", { level: 1, name: nameOf(student) }).waitFor();
    await expectNoViolations("profile Informations");
    await page.goto(`/etudiants/${student.id}/espace-etudiant`);
    const card = page.getByRole("region", { name: new RegExp(nameOf(student)) });
    await card.getByRole("button", { name: "Activer l'accès" }).waitFor();
    await expectNoViolations("Espace étudiant");
    await card.getByRole("button", { name: "Activer l'accès" }).click();
    await page.getByRole("alertdialog").waitFor();
    await expectNoViolations("confirmation dialog");
    await page.keyboard.press("Escape");
    await page.getByRole("alertdialog").waitFor({ state: "hidden" });

    await page.goto(`/etudiants/${invited.id}/espace-etudiant`);
    const invitedCard = page.getByRole("region", { name: new RegExp(nameOf(invited)) });
    await invitedCard.getByRole("button", { name: `Plus d'actions pour ${nameOf(invited)}` }).click();
    await page.getByRole("menu").waitFor();
    await expectNoViolations("Plus menu open");
    await page.getByRole("menuitem", { name: "Historique" }).click();
    await page
      .getByRole("dialog", { name: new RegExp("Historique") })
      .getByText("Email d'activation envoyé")
      .first()
      .waitFor();
    await expectNoViolations("history dialog");
    await page.keyboard.press("Escape");
  }, 90_000);

  it("Envois, Suivi des accès, Paramètres des établissements, 404", async () => {
    for (const [path, state] of [
      ["/etudiants/envois", "Envois"],
      ["/suivi-des-acces", "Suivi des accès"],
      ["/etablissements", "Paramètres des établissements"],
      ["/adresse-qui-n-existe-pas", "404"],
    ]) {
      await page.goto(path);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await expectNoViolations(state);
    }
  }, 90_000);

  it("403, for a staff member without the right", async () => {
    const teacher = await createStaffAccount(session.world, []);
    const { context, page: other } = await signedInPage(browser, teacher);
    try {
      await other.setViewportSize({ width, height });
      await other.goto("/etablissements");
      await other.getByRole("heading", { level: 1 }).first().waitFor();
      await expectNoViolations("403", other);
    } finally {
      await context.close();
    }
  }, 90_000);

  it("signed out: staff sign-in, portal sign-in, forgotten password, an invalid activation link", async () => {
    const context = await newContext(browser);
    const visitor = await context.newPage();
    await visitor.setViewportSize({ width, height });
    try {
      for (const [path, state] of [
        ["/connexion", "staff sign-in"],
        ["/espace-etudiant/connexion", "portal sign-in"],
        ["/espace-etudiant/mot-de-passe-oublie", "forgotten password"],
        ["/activation/n-importe-quoi", "invalid activation link"],
      ]) {
        await visitor.goto(path);
        await visitor.getByRole("heading", { level: 1 }).first().waitFor();
        await expectNoViolations(state, visitor);
      }
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe("the activation page and the portal home", () => {
  it("has no violation on either, desktop and 390 px", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const someone = await createTestStudent(session.world);
    const { link } = await enableAccessFor(page, someone.id, nameOf(someone), someone.email!);
    const context = await newContext(browser);
    const visitor = await context.newPage();
    try {
      for (const size of VIEWPORTS) {
        await visitor.setViewportSize(size);
        await visitor.goto(link);
        await visitor.getByLabel("Mot de passe", { exact: true }).waitFor();
        await expectNoViolations(`activation page, ${size.label}`, visitor);
      }
    } finally {
      await context.close();
    }
    const other = await createTestStudent(session.world);
    const { visitor: portal, page: home } = await activeStudent(browser, page, other, "lanterne verger parapluie");
    try {
      for (const size of VIEWPORTS) {
        await home.setViewportSize(size);
        await home.goto("/espace-etudiant");
        await home.getByRole("heading", { level: 1 }).first().waitFor();
        await expectNoViolations(`portal home, ${size.label}`, home);
      }
    } finally {
      await portal.close();
    }
  }, 90_000);
});
