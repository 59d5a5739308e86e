/** @jest-environment node */
// From the activation email to a chosen password, in the browser, with the email read back from the
// SMTP server.
import type { Browser } from "playwright-core";
import { launchBrowser, newContext, signedInPage } from "./support/browser";
import { studentsWithoutAccess } from "./support/database";
import { lastEmailId, linkTokenIn, waitForEmails } from "./support/inbox";
import { choosePasswordAt, welcomeOn } from "./support/portal";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("activation link", () => {
  it("lets the student choose a password once, with clear errors on the way", async () => {
    const [student] = await studentsWithoutAccess(1, 12, "asc");
    const name = `${student.firstName} ${student.lastName}`;
    const staff = await signedInPage(browser, "secretariat");
    const before = await lastEmailId();
    await staff.page.goto(`/etudiants/${student.id}/espace-etudiant`);
    await staff.page.getByRole("region", { name: new RegExp(name) }).getByRole("button", { name: "Activer l'accès" }).click();
    await staff.page.getByRole("alertdialog").getByRole("button", { name: "Activer l'accès" }).click();
    const [email] = await waitForEmails(student.email!, 1, before);
    const link = `/activation/${linkTokenIn(email.text)}`;

    const visitor = await newContext(browser);
    const page = await visitor.newPage();
    await page.goto(link);
    await page.getByRole("heading", { name: "Choisir mon mot de passe" }).waitFor();
    expect(await page.getByText(`Compte de ${name}`).textContent()).toMatch(/\(.•+.@eleves\.sesame\.test\)/);

    const password = page.getByLabel("Mot de passe", { exact: true });
    const confirmation = page.getByLabel("Confirmer le mot de passe");
    await password.fill("motdepasse123");
    await confirmation.fill("motdepasse123");
    await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
    await page.getByText("Ce mot de passe est trop facile à deviner").waitFor();

    await password.fill("cheval agrafe batterie correcte");
    await page.getByText("Solidité : Excellente").waitFor();
    await confirmation.fill("cheval agrafe batterie");
    await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
    await page.getByText("Les deux mots de passe ne sont pas identiques.").waitFor();

    await page.getByRole("button", { name: "Afficher les mots de passe" }).click();
    expect(await password.getAttribute("type")).toBe("text");
    await confirmation.fill("cheval agrafe batterie correcte");
    await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();

    // Saved: the student lands signed in on their home, told once which address to sign in with.
    await welcomeOn(page);
    await page.getByRole("heading", { name: `Bonjour ${name}` }).waitFor();
    expect(await page.getByRole("status").textContent()).toContain(`utilisez l'adresse ${student.email}`);
    expect(await page.getByRole("definition").allTextContents()).toEqual(expect.arrayContaining([student.email!]));
    await page.waitForURL((url) => url.pathname === "/espace-etudiant" && url.search === "");
    await page.reload();
    await page.getByRole("heading", { name: `Bonjour ${name}` }).waitFor();
    expect(await page.getByRole("status").count()).toBe(0);

    await page.goto(link);
    await page.getByRole("heading", { name: "Ce lien ne fonctionne plus" }).waitFor();
    await page.getByText("Ce lien a déjà servi").waitFor();

    await staff.page.reload();
    await staff.page.getByRole("region", { name: new RegExp(name) }).getByText("Actif", { exact: true }).waitFor();

    // Signing out, then in again with the chosen password. A copy of the old cookie opens nothing.
    await page.goto("/espace-etudiant");
    const signedInCookies = await visitor.cookies();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL("**/espace-etudiant/connexion");
    const copy = await newContext(browser);
    await copy.addCookies(signedInCookies);
    const copied = await copy.newPage();
    await copied.goto("/espace-etudiant");
    await copied.waitForURL("**/espace-etudiant/connexion?session=expiree");
    await copy.close();
    await page.goto("/espace-etudiant");
    await page.waitForURL("**/espace-etudiant/connexion");
    await page.getByLabel("Adresse email").fill(student.email!);
    await page.getByLabel("Mot de passe", { exact: true }).fill("cheval agrafe batterie correcte");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL("**/espace-etudiant");
    await page.getByRole("heading", { name: `Bonjour ${name}` }).waitFor();
    expect(await page.getByRole("status").count()).toBe(0);
    const [cookie] = (await visitor.cookies()).filter((candidate) => candidate.name === "sesame-portal");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

    // Signed in, the sign-in page leads home.
    await page.goto("/espace-etudiant/connexion");
    expect(new URL(page.url()).pathname).toBe("/espace-etudiant");

    // A portal session is not a staff session.
    await page.goto("/etudiants");
    await page.waitForURL("**/connexion?retour=%2Fetudiants");
    await page.goto("/espace-etudiant");
    await page.getByRole("heading", { name: `Bonjour ${name}` }).waitFor();

    // Changing the password from the home page.
    await page.getByLabel("Mot de passe actuel").fill("pas le bon mot de passe");
    await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("une nouvelle phrase bien longue");
    await page.getByLabel("Confirmer le nouveau mot de passe").fill("une nouvelle phrase bien longue");
    await page.getByRole("button", { name: "Changer le mot de passe" }).click();
    await page.getByText("Le mot de passe actuel n'est pas le bon.").waitFor();
    await page.getByLabel("Mot de passe actuel").fill("cheval agrafe batterie correcte");
    await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("une nouvelle phrase bien longue");
    await page.getByLabel("Confirmer le nouveau mot de passe").fill("une nouvelle phrase bien longue");
    await page.getByRole("button", { name: "Changer le mot de passe" }).click();
    await page.getByText("Mot de passe changé.").waitFor();
    await page.reload();
    await page.getByRole("heading", { name: `Bonjour ${name}` }).waitFor();

    // Staff deactivate: the open portal page is signed out at its next request, and sign-in is refused.
    await staff.page.getByRole("region", { name: new RegExp(name) }).getByRole("button", { name: "Désactiver l'accès" }).click();
    await staff.page.getByRole("alertdialog").getByRole("button", { name: "Désactiver l'accès" }).click();
    await staff.page.getByRole("region", { name: new RegExp(name) }).getByText("Désactivé", { exact: true }).waitFor();
    await page.reload();
    await page.waitForURL("**/espace-etudiant/connexion?session=expiree");
    await page.getByText("Votre session a pris fin.").waitFor();
    await page.getByLabel("Adresse email").fill(student.email!);
    await page.getByLabel("Mot de passe", { exact: true }).fill("une nouvelle phrase bien longue");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByText("Votre accès à l'espace étudiant est désactivé.").waitFor();

    // A staff session is not a portal session.
    await staff.page.goto("/espace-etudiant");
    await staff.page.waitForURL("**/espace-etudiant/connexion");
    await visitor.close();
    await staff.context.close();
  });

  it("says an unknown link is not recognised", async () => {
    const visitor = await newContext(browser);
    const page = await visitor.newPage();
    const response = await page.goto("/activation/n-importe-quoi");
    expect(response?.status()).toBe(200);
    await page.getByText("Ce lien n'est pas reconnu.").waitFor();
    expect(await page.locator('meta[name="referrer"]').getAttribute("content")).toBe("no-referrer");
    await visitor.close();
  });
});

describe("portal sign-in", () => {
  it("pauses an address after repeated wrong passwords", async () => {
    const visitor = await newContext(browser);
    const page = await visitor.newPage();
    await page.goto("/espace-etudiant/connexion");
    await page.getByLabel("Adresse email").fill(`force.brute.${Date.now()}@lycee.test`);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await page.getByLabel("Mot de passe", { exact: true }).fill(`essai numero ${attempt}`);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.getByRole("alert").filter({ hasText: "Adresse email ou mot de passe incorrect." }).waitFor();
    }
    await page.getByLabel("Mot de passe", { exact: true }).fill("encore un essai");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("alert").filter({ hasText: /Trop de tentatives de connexion\. Réessayez dans 15 minutes\./ }).waitFor();
    await visitor.close();
  });
});

describe("forgotten password", () => {
  it("answers the same for any address, and resets an active student's password by email", async () => {
    const [student] = await studentsWithoutAccess(1, 14, "asc");
    const staff = await signedInPage(browser, "secretariat");
    const enabledAt = await lastEmailId();
    await staff.page.goto(`/etudiants/${student.id}/espace-etudiant`);
    await staff.page.getByRole("region", { name: new RegExp(`${student.firstName} ${student.lastName}`) }).getByRole("button", { name: "Activer l'accès" }).click();
    await staff.page.getByRole("alertdialog").getByRole("button", { name: "Activer l'accès" }).click();
    const [activation] = await waitForEmails(student.email!, 1, enabledAt);
    await staff.context.close();

    const visitor = await newContext(browser);
    const page = await visitor.newPage();
    await choosePasswordAt(page, `/activation/${linkTokenIn(activation.text)}`, "premier mot de passe oublie vite");
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL("**/espace-etudiant/connexion");

    await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
    await page.waitForURL("**/espace-etudiant/mot-de-passe-oublie");
    const before = await lastEmailId();
    await page.getByLabel("Adresse email").fill("personne.inconnue@lycee.test");
    await page.getByRole("button", { name: "Recevoir un nouveau lien" }).click();
    const answer = page.getByRole("status").filter({ hasText: "Si un accès à l'espace étudiant correspond à cette adresse" });
    await answer.waitFor();
    const unknownAnswer = await answer.textContent();
    await page.reload();
    await page.getByLabel("Adresse email").fill(student.email!);
    await page.getByRole("button", { name: "Recevoir un nouveau lien" }).click();
    await answer.waitFor();
    expect(await answer.textContent()).toBe(unknownAnswer);
    const [reset] = await waitForEmails(student.email!, 1, before);

    await page.goto(`/activation/${linkTokenIn(reset.text)}`);
    await page.getByRole("heading", { name: "Choisir un nouveau mot de passe" }).waitFor();
    await choosePasswordAt(page, `/activation/${linkTokenIn(reset.text)}`, "lanterne verger parapluie");

    // From a fresh browser: the old password is refused, the new one opens the espace étudiant.
    const later = await newContext(browser);
    const again = await later.newPage();
    await again.goto("/espace-etudiant/connexion");
    await again.getByLabel("Adresse email").fill(student.email!);
    await again.getByLabel("Mot de passe", { exact: true }).fill("premier mot de passe oublie vite");
    await again.getByRole("button", { name: "Se connecter" }).click();
    await again.getByRole("alert").filter({ hasText: "Adresse email ou mot de passe incorrect." }).waitFor();
    await again.getByLabel("Mot de passe", { exact: true }).fill("lanterne verger parapluie");
    await again.getByRole("button", { name: "Se connecter" }).click();
    await again.waitForURL("**/espace-etudiant");
    await again.getByRole("heading", { name: `Bonjour ${student.firstName} ${student.lastName}` }).waitFor();
    await later.close();
    await visitor.close();
  });
});
