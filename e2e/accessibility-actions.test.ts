/** @jest-environment node */
// axe (WCAG 2.0/2.1 A and AA, 2.2 AA) on every access dialog and bulk step, desktop and 390 px:
// « Relancer », « Renvoyer l'email d'activation » (with and without its copy), « Désactiver l'accès »,
// « Modifier l'email » (as opened and with an error), the bulk summary and bulk reminder dialogs, the
// progress page of a bulk send (running and done) and « Envois » listing it. Pages: accessibility.test.ts.
import type { Page } from "playwright-core";
import { expectNoViolations, VIEWPORTS } from "./support/axe";
import { closeWithEscape } from "./support/browser";
import { createTestStudent, invitedStudent, nameOf, type Student } from "./support/factories";
import { staffSessionForFile } from "./support/session";

const session = staffSessionForFile();
let page: Page;
let invited: Student;
let withoutEmail: Student;

beforeAll(async () => {
  page = session.page;
  invited = await invitedStudent(page, session.world);
  withoutEmail = await createTestStudent(session.world, { email: null });
}, 60_000);

describe.each(VIEWPORTS)("on $label", ({ width, height }) => {
  beforeAll(() => page.setViewportSize({ width, height }));

  it("a person's dialogs: Relancer, Renvoyer l'email d'activation and its copy, Désactiver l'accès, Modifier l'email", async () => {
    await page.goto(`/etudiants/${invited.id}/espace-etudiant`);
    const card = page.getByRole("region", { name: new RegExp(nameOf(invited)) });

    await card.getByRole("button", { name: "Relancer" }).click();
    const remind = page.getByRole("alertdialog", { name: `Relancer ${nameOf(invited)} ?` });
    await remind.waitFor();
    await expectNoViolations(page, "Relancer dialog");
    await closeWithEscape(remind);

    await card.getByRole("button", { name: `Plus d'actions pour ${nameOf(invited)}` }).click();
    await page.getByRole("menuitem", { name: "Renvoyer l'email d'activation" }).click();
    const resend = page.getByRole("alertdialog", { name: "Renvoyer l'email d'activation ?" });
    await resend.waitFor();
    await expectNoViolations(page, "Renvoyer l'email d'activation dialog");
    const copy = resend.getByRole("switch", { name: "Recevoir une copie de l'email" });
    await copy.click();
    expect(await copy.getAttribute("aria-checked")).toBe("true");
    await expectNoViolations(page, "Renvoyer l'email d'activation dialog, copy on");
    await closeWithEscape(resend);

    await card.getByRole("button", { name: "Désactiver l'accès" }).click();
    const disable = page.getByRole("alertdialog", { name: `Désactiver l'accès d'${nameOf(invited)} ?` });
    await disable.waitFor();
    await expectNoViolations(page, "Désactiver l'accès dialog");
    await closeWithEscape(disable);

    await page.goto(`/etudiants/${withoutEmail.id}/espace-etudiant`);
    await page.getByRole("button", { name: "Ajouter une adresse" }).click();
    const edit = page.getByRole("dialog", { name: new RegExp(`^Modifier l'adresse email d'${nameOf(withoutEmail)}`) });
    await edit.getByLabel("Adresse email").waitFor();
    await expectNoViolations(page, "Modifier l'email dialog");
    await edit.getByLabel("Adresse email").fill("pas-une-adresse");
    await edit.getByRole("button", { name: "Enregistrer" }).click();
    await edit.getByRole("alert").waitFor();
    await expectNoViolations(page, "Modifier l'email dialog, with an error");
    await closeWithEscape(edit);
  }, 90_000);

  it("bulk: the reminder dialog, the summary, the progress page running and done, Envois listing the send", async () => {
    const chosen = await createTestStudent(session.world);
    await page.goto("/etudiants?taille=100");
    for (const student of [chosen, withoutEmail]) {
      await page.getByRole("checkbox", { name: `Sélectionner ${nameOf(student)}` }).check();
    }
    const bar = page.getByRole("region", { name: "2 étudiants sélectionnés" });

    await bar.getByRole("button", { name: "Relancer" }).click();
    const reminder = page.getByRole("alertdialog", { name: "Relancer les accès non activés" });
    await reminder.getByRole("radio", { name: "Les deux" }).waitFor();
    await expectNoViolations(page, "bulk reminder dialog");
    await closeWithEscape(reminder);

    await bar.getByRole("button", { name: "Renvoyer l'email d'activation" }).click();
    const summary = page.getByRole("alertdialog", { name: "Renvoyer l'email d'activation" });
    // The student without an address is named as skipped, with a link to fix it.
    await summary.getByText("1 étudiant recevra l'email.").waitFor();
    await expectNoViolations(page, "bulk summary dialog");
    await summary.getByRole("button", { name: "Envoyer 1 email" }).click();

    await page.waitForURL(/\/etudiants\/envois\/[a-z0-9]+$/);
    await page.getByRole("progressbar").waitFor();
    await expectNoViolations(page, "bulk progress page");
    await page.getByText("Envoi terminé : 1 email envoyé.").waitFor();
    await expectNoViolations(page, "bulk progress page, done");

    await page.goto("/etudiants/envois");
    await page.getByRole("table").getByRole("row").nth(1).waitFor();
    await expectNoViolations(page, "Envois with a send");
  }, 90_000);
});
