// The espace étudiant as a student or parent goes through it.
import type { Page } from "playwright-core";

/** Opens a link, chooses a password twice, and waits to land signed in on the espace étudiant. */
export async function choosePasswordAt(page: Page, link: string, password: string) {
  await page.goto(link);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByLabel("Confirmer le mot de passe").fill(password);
  await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await welcomeOn(page);
}

/** Waits for the home page's one-time note that follows a chosen password. */
export async function welcomeOn(page: Page) {
  await page.getByRole("status").filter({ hasText: "Mot de passe enregistré : votre accès à l'espace étudiant est activé." }).waitFor();
}
