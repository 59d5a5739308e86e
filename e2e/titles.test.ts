/** @jest-environment node */
// Every page has its own title in the browser tab (never « Sésame » alone), and the names in the
// staff pages' messages elide: « Activer l'accès d'Eleve… ».
import { newContext, signedInPage } from "./support/browser";
import { createStaffAccount, createTestStudent } from "./support/factories";
import { staffSessionForFile } from "./support/session";

const session = staffSessionForFile();

describe("page titles", () => {
  it("names each staff page, a student's with the student's name and tab", async () => {
    const { page, world } = session;
    const student = await createTestStudent(world);
    const name = `${student.firstName} ${student.lastName}`;
    const titles: [string, string][] = [
      ["/etudiants", "Étudiants · Sésame"],
      [`/etudiants/${student.id}`, `${name} · Informations · Sésame`],
      [`/etudiants/${student.id}/espace-etudiant`, `${name} · Espace étudiant · Sésame`],
      ["/etudiants/envois", "Envois · Sésame"],
      ["/suivi-des-acces", "Suivi des accès · Sésame"],
      ["/etablissements", "Paramètres des établissements · Sésame"],
      ["/etudiants/inconnu", "Étudiant introuvable · Sésame"],
      ["/adresse-invalide", "Page introuvable · Sésame"],
    ];
    for (const [path, title] of titles) {
      await page.goto(path);
      expect([path, await page.title()]).toEqual([path, title]);
    }
    // The student's first name starts with a vowel (« Eleve… »): « d' », not « de ».
    await page.goto(`/etudiants/${student.id}/espace-etudiant`);
    await page.getByRole("button", { name: "Activer l'accès" }).click();
    await page.getByRole("alertdialog", { name: `Activer l'accès d'${name} ?` }).waitFor();
  });

  it("names the 403 page", async () => {
    const reader = await createStaffAccount(session.world, []);
    const { context, page } = await signedInPage(session.browser, reader);
    try {
      await page.goto("/etablissements");
      await page.getByRole("heading", { level: 1, name: "Accès refusé" }).waitFor();
      expect(await page.title()).toBe("Accès refusé · Sésame");
    } finally {
      await context.close();
    }
  });

  it("names home, the sign-in pages and the portal's public pages", async () => {
    const context = await newContext(session.browser);
    try {
      const page = await context.newPage();
      for (const [path, title] of [
        ["/", "Accueil · Sésame"],
        ["/connexion", "Connexion · Sésame"],
        ["/espace-etudiant/connexion", "Connexion à l'espace étudiant · Sésame"],
        ["/espace-etudiant/mot-de-passe-oublie", "Mot de passe oublié · Sésame"],
        ["/activation/inconnu", "Ce lien ne fonctionne plus · Sésame"],
      ]) {
        await page.goto(path);
        expect([path, await page.title()]).toEqual([path, title]);
      }
    } finally {
      await context.close();
    }
  });
});
