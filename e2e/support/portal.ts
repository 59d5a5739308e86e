// The espace étudiant as a student or parent goes through it, and the staff steps that open it to them.
import type { Browser, Page } from "playwright-core";
import type { CapturedEmail } from "@/scripts/lib/smtp-capture";
import { newContext } from "./browser";
import { lastEmailId, linkTokenIn, waitForEmails } from "./inbox";

/**
 * Enables a person's access from a student's Espace étudiant page as staff do, and returns the
 * activation email it sent to `address` with the link it carries.
 */
export async function enableAccessFor(
  staffPage: Page,
  studentId: string,
  personName: string,
  address: string,
): Promise<{ email: CapturedEmail; link: string }> {
  const before = await lastEmailId();
  await staffPage.goto(`/etudiants/${studentId}/espace-etudiant`);
  await staffPage
    .getByRole("region", { name: new RegExp(personName) })
    .getByRole("button", { name: "Activer l'accès" })
    .click();
  await staffPage.getByRole("alertdialog").getByRole("button", { name: "Activer l'accès" }).click();
  const [email] = await waitForEmails(address, 1, before);
  return { email, link: `/activation/${linkTokenIn(email.text)}` };
}

/** Disables a person's access from a student's Espace étudiant page as staff do, and waits for the card to say so. */
export async function disableAccessFor(staffPage: Page, studentId: string, personName: string): Promise<void> {
  await staffPage.goto(`/etudiants/${studentId}/espace-etudiant`);
  const card = staffPage.getByRole("region", { name: new RegExp(personName) });
  await card.getByRole("button", { name: "Désactiver l'accès" }).click();
  await staffPage.getByRole("alertdialog").getByRole("button", { name: "Désactiver l'accès" }).click();
  await card.getByText("Désactivé", { exact: true }).waitFor();
}

/**
 * Opens a link, chooses a password twice, and waits to land signed in on the espace étudiant (`reset`:
 * a new password, whose note says so).
 */
export async function choosePasswordAt(page: Page, link: string, password: string, { reset = false } = {}) {
  await page.goto(link);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByLabel("Confirmer le mot de passe").fill(password);
  await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await welcomeOn(page, { reset });
}

/**
 * A student whose access staff enabled and who chose `password` from the emailed link: signed in,
 * in a browser context of their own (closed by the caller).
 */
export async function activeStudent(
  browser: Browser,
  staffPage: Page,
  student: { id: string; firstName: string; lastName: string; email: string | null },
  password: string,
) {
  const { link } = await enableAccessFor(staffPage, student.id, `${student.firstName} ${student.lastName}`, student.email!);
  const visitor = await newContext(browser);
  const page = await visitor.newPage();
  await choosePasswordAt(page, link, password);
  return { visitor, page, link };
}

/** Waits for the home page's one-time note that follows a chosen password: the first one, or a new one. */
export async function welcomeOn(page: Page, { reset = false } = {}) {
  const note = reset ? "Nouveau mot de passe enregistré." : "Mot de passe enregistré : votre accès à l'espace étudiant est activé.";
  await page.getByRole("status").filter({ hasText: note }).waitFor();
}
