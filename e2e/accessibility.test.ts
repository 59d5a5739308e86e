/** @jest-environment node */
// axe (WCAG 2.0/2.1 A and AA, 2.2 AA) on every page and dialog state, on a desktop and a 390 px wide
// screen: any violation fails, listed as rule, element and what to fix.
import type { Browser, Page } from "playwright-core";
import { expectNoViolations, VIEWPORTS } from "./support/axe";
import { closeWithEscape, newContext, signedInPage } from "./support/browser";
import { createStaffAccount, createTestStudent, invitedStudent, nameOf, parentInput, type Student } from "./support/factories";
import { activeStudent, disableAccessFor, enableAccessFor } from "./support/portal";
import { staffSessionForFile } from "./support/session";

const session = staffSessionForFile();
let page: Page;
let browser: Browser;
let student: Student;
let invited: Student;

beforeAll(async () => {
  ({ page, browser } = session);
  student = await createTestStudent(session.world, { guardians: [parentInput("Accessible")] });
  invited = await invitedStudent(page, session.world);
}, 60_000);

describe.each(VIEWPORTS)("on $label", ({ width, height }) => {
  beforeAll(() => page.setViewportSize({ width, height }));

  it("the student list (cards at 390 px): as loaded, sorted, filters open, Aperçu open, a row's Plus menu open", async () => {
    await page.goto(`/etudiants?q=${encodeURIComponent(invited.lastName)}`);
    await page
      .getByRole("button", { name: `Aperçu d'${nameOf(invited)}` })
      .first()
      .waitFor();
    await expectNoViolations(page, "list");
    await page.getByRole("button", { name: "Classe", exact: true }).click();
    await page.locator("th[aria-sort=ascending]").getByRole("button", { name: "Classe", exact: true }).waitFor();
    // The sort is a client navigation: the new page's <title> is streamed a moment after its content.
    await page.waitForFunction(() => document.title !== "");
    await expectNoViolations(page, "list sorted by class");
    await page.getByRole("button", { name: "Filtres" }).click();
    await page.getByRole("dialog").first().waitFor();
    await expectNoViolations(page, "filters open");
    await page.keyboard.press("Escape");
    await page
      .getByRole("button", { name: `Aperçu d'${nameOf(invited)}` })
      .first()
      .click();
    await page.getByRole("dialog", { name: nameOf(invited) }).waitFor();
    await expectNoViolations(page, "Aperçu open");
    await closeWithEscape(page.getByRole("dialog", { name: nameOf(invited) }));
    await page.getByRole("button", { name: `Plus d'actions pour ${nameOf(invited)}` }).click();
    await page.getByRole("menu").waitFor();
    await expectNoViolations(page, "row's Plus menu open");
    await page.keyboard.press("Escape");
    await page.getByRole("checkbox", { name: new RegExp(nameOf(invited)) }).check();
    await expectNoViolations(page, "a row selected, with the bulk bar");
  }, 90_000);

  it("the profile: Informations, Espace étudiant, a confirmation dialog, the Plus menu, the history", async () => {
    await page.goto(`/etudiants/${student.id}`);
    await page.getByRole("heading", { level: 1, name: nameOf(student) }).waitFor();
    await expectNoViolations(page, "profile Informations");
    await page.goto(`/etudiants/${student.id}/espace-etudiant`);
    const card = page.getByRole("region", { name: new RegExp(nameOf(student)) });
    await card.getByRole("button", { name: "Activer l'accès" }).waitFor();
    await expectNoViolations(page, "Espace étudiant");
    await card.getByRole("button", { name: "Activer l'accès" }).click();
    await page.getByRole("alertdialog").waitFor();
    await expectNoViolations(page, "confirmation dialog");
    await closeWithEscape(page.getByRole("alertdialog"));

    await page.goto(`/etudiants/${invited.id}/espace-etudiant`);
    const invitedCard = page.getByRole("region", { name: new RegExp(nameOf(invited)) });
    await invitedCard.getByRole("button", { name: `Plus d'actions pour ${nameOf(invited)}` }).click();
    await page.getByRole("menu").waitFor();
    await expectNoViolations(page, "Plus menu open");
    await page.getByRole("menuitem", { name: "Historique" }).click();
    await page
      .getByRole("dialog", { name: new RegExp("Historique") })
      .getByText("Email d'activation envoyé")
      .first()
      .waitFor();
    await expectNoViolations(page, "history dialog");
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
      await expectNoViolations(page, state);
    }
  }, 90_000);

  it("403, for a staff member without the right", async () => {
    const teacher = await createStaffAccount(session.world, []);
    const { context, page: other } = await signedInPage(browser, teacher);
    try {
      await other.setViewportSize({ width, height });
      await other.goto("/etablissements");
      await other.getByRole("heading", { level: 1 }).first().waitFor();
      await expectNoViolations(other, "403");
    } finally {
      await context.close();
    }
  }, 90_000);

  it("signed out: home (two doors), staff sign-in, portal sign-in, forgotten password, an invalid activation link", async () => {
    const context = await newContext(browser);
    const visitor = await context.newPage();
    await visitor.setViewportSize({ width, height });
    try {
      for (const [path, state] of [
        ["/", "home (two doors)"],
        ["/connexion", "staff sign-in"],
        ["/espace-etudiant/connexion", "portal sign-in"],
        ["/espace-etudiant/mot-de-passe-oublie", "forgotten password"],
        ["/activation/n-importe-quoi", "invalid activation link"],
      ]) {
        await visitor.goto(path);
        await visitor.getByRole("heading", { level: 1 }).first().waitFor();
        await expectNoViolations(visitor, state);
      }
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe("the activation page, the portal home and the sign-in after a session ended", () => {
  it("has no violation on any, desktop and 390 px", async () => {
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
        await expectNoViolations(visitor, `activation page, ${size.label}`);
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
        await expectNoViolations(home, `portal home, ${size.label}`);
      }
      // Staff disable the access of someone signed in (an active card's secondary action): their
      // next page is the sign-in, saying that the session has ended.
      await disableAccessFor(page, other.id, nameOf(other));
      await home.goto("/espace-etudiant");
      await home.getByText("Votre session a pris fin. Connectez-vous à nouveau.").waitFor();
      for (const size of VIEWPORTS) {
        await home.setViewportSize(size);
        await expectNoViolations(home, `portal sign-in after the session ended, ${size.label}`);
      }
    } finally {
      await portal.close();
    }
  }, 90_000);
});
