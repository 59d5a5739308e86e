/** @jest-environment node */
// « Envois »: a bulk send started from the students list is found in the list of past sends with
// its numbers, and opens its progress page.
import type { Page } from "playwright-core";
import { RIGHTS } from "@/lib/rights";
import { signedInPage } from "./support/browser";
import { createStaffAccount, createTestStudent, nameOf, type StaffAccount, type World } from "./support/factories";
import { lastEmailId, waitForEmails } from "./support/inbox";
import { staffSessionForFile } from "./support/session";

// One organisation and staff member for the file.
const session = staffSessionForFile();
let page: Page;
let world: World;
let staff: StaffAccount;
beforeAll(() => {
  ({ page, world, staff } = session);
});

describe("« Envois »", () => {
  it("lists a bulk send started from the list with who started it and its numbers, and opens it", async () => {
    const chosen = [await createTestStudent(world), await createTestStudent(world)];
    const withoutEmail = await createTestStudent(world, { email: null });
    const before = await lastEmailId();
    await page.goto("/etudiants?taille=100");
    for (const student of [...chosen, withoutEmail]) {
      await page.getByRole("checkbox", { name: `Sélectionner ${nameOf(student)}` }).check();
    }
    await page
      .getByRole("region", { name: "3 étudiants sélectionnés" })
      .getByRole("button", { name: "Renvoyer l'email d'activation" })
      .click();
    const summary = page.getByRole("alertdialog", { name: "Renvoyer l'email d'activation" });
    await summary.getByText("2 étudiants recevront l'email.").waitFor();
    // The skipped student is named, with a link to the profile where the address can be fixed.
    const fix = summary.getByRole("link", { name: `Ouvrir la fiche d'${nameOf(withoutEmail)} pour corriger son adresse` });
    expect(await fix.getAttribute("href")).toBe(`/etudiants/${withoutEmail.id}`);
    await summary.getByRole("button", { name: "Envoyer 2 emails" }).click();
    await page.waitForURL(/\/etudiants\/envois\/[a-z0-9]+$/);
    const progressUrl = page.url();
    await page.getByText("Envoi terminé : 2 emails envoyés.").waitFor();
    for (const student of chosen) await waitForEmails(student.email!, 1, before);

    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Envois" }).click();
    await page.getByRole("heading", { name: "Envois", level: 1 }).waitFor();
    // The loading state shows the same heading: wait for the list itself.
    const rows = page.getByRole("table").getByRole("row");
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    const row = rows.nth(1);
    expect(await row.getByRole("cell").allTextContents()).toEqual([
      "Email d'activation",
      staff.name,
      "3",
      "2",
      "0",
      "1",
      "Terminé",
      "Rapport CSV",
    ]);
    expect(await row.getByRole("link", { name: /^Rapport CSV de l'envoi du / }).getAttribute("href")).toBe(
      `${new URL(progressUrl).pathname}/rapport`,
    );
    await row.getByRole("link", { name: /^Suivre l'envoi du / }).click();
    await page.waitForURL(progressUrl);
    await page.getByText("Envoi terminé : 2 emails envoyés.").waitFor();
  });

  it("refuses the CSV downloads in French words: without « Afficher un étudiant », or for a send that is not there", async () => {
    const manager = await createStaffAccount(world, [RIGHTS.manageReminders]);
    const signedIn = await signedInPage(session.browser, manager);
    try {
      for (const path of ["/etudiants/envois/inconnu/rapport", "/suivi-des-acces/export"]) {
        const answer = await signedIn.page.request.get(path);
        expect([path, answer.status(), await answer.text()]).toEqual([path, 403, "Vous n'avez pas le droit d'effectuer cette action."]);
      }
    } finally {
      await signedIn.context.close();
    }
    const unknown = await page.request.get("/etudiants/envois/inconnu/rapport");
    expect([unknown.status(), await unknown.text()]).toEqual([404, "Cet envoi n'existe pas ou ne fait pas partie de vos établissements."]);
  });
});
