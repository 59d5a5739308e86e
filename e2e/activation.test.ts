/** @jest-environment node */
// From the activation email to a chosen password, in the browser, with the email read back from the
// SMTP server. Each test enables a student of its own through the staff page.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, newContext, signedInPage, submitSignIn } from "./support/browser";
import { createSchoolWithStaff, createTestStudent, nameOf, type World } from "./support/factories";
import { lastEmailId, linkTokenIn, waitForEmails } from "./support/inbox";
import { activeStudent, choosePasswordAt, disableAccessFor, enableAccessFor } from "./support/portal";

let browser: Browser;
let world: World;
let staff: { context: BrowserContext; page: Page };

beforeAll(async () => {
  browser = await launchBrowser();
  const school = await createSchoolWithStaff();
  world = school.world;
  staff = await signedInPage(browser, school.staff);
});
afterAll(async () => {
  await staff?.context.close();
  await browser?.close();
});

const PASSWORD = "cheval agrafe batterie correcte";

/** A new student whose access staff just enabled, and their activation link opened in a fresh browser. */
async function openNewLink() {
  const student = await createTestStudent(world);
  const { link } = await enableAccessFor(staff.page, student.id, nameOf(student), student.email!);
  const visitor = await newContext(browser);
  const page = await visitor.newPage();
  await page.goto(link);
  return { student, visitor, page };
}

/** A new student signed in on the espace étudiant with PASSWORD, chosen from their link. */
async function newActiveStudent() {
  const student = await createTestStudent(world);
  return { student, ...(await activeStudent(browser, staff.page, student, PASSWORD)) };
}

describe("activation link", () => {
  it("names the account it opens, with the address masked", async () => {
    const { student, visitor, page } = await openNewLink();
    await page.getByRole("heading", { name: "Choisir mon mot de passe" }).waitFor();
    expect(await page.getByText(`Compte d'${nameOf(student)}`).textContent()).toMatch(/\(.•+.@eleves\.sesame\.test\)/);
    await visitor.close();
  });

  it("explains a password too easy to guess and two that differ, and shows both on request", async () => {
    const { visitor, page } = await openNewLink();
    const password = page.getByLabel("Mot de passe", { exact: true });
    const confirmation = page.getByLabel("Confirmer le mot de passe");
    await password.fill("motdepasse123");
    await confirmation.fill("motdepasse123");
    await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
    await page.getByText("Ce mot de passe est trop facile à deviner").waitFor();

    await password.fill(PASSWORD);
    await page.getByText("Solidité : Excellente").waitFor();
    await confirmation.fill("cheval agrafe batterie");
    await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
    await page.getByText("Les deux mots de passe ne sont pas identiques.").waitFor();

    await page.getByRole("button", { name: "Afficher les mots de passe" }).click();
    expect(await password.getAttribute("type")).toBe("text");
    await visitor.close();
  });

  it("saves the password and lands the student signed in on their home, told once which address to sign in with", async () => {
    const { student, visitor, page } = await newActiveStudent();
    await page.getByRole("heading", { name: `Bonjour ${nameOf(student)}` }).waitFor();
    expect(await page.getByRole("status").textContent()).toContain(`utilisez l'adresse ${student.email}`);
    expect(await page.getByRole("definition").allTextContents()).toEqual(expect.arrayContaining([student.email!]));
    await page.waitForURL((url) => url.pathname === "/espace-etudiant" && url.search === "");
    await page.reload();
    await page.getByRole("heading", { name: `Bonjour ${nameOf(student)}` }).waitFor();
    expect(await page.getByRole("status").count()).toBe(0);
    await visitor.close();
  });

  it("works once: used, it says so, and staff see the access as Actif", async () => {
    const { student, visitor, page, link } = await newActiveStudent();
    await page.goto(link);
    await page.getByRole("heading", { name: "Ce lien ne fonctionne plus" }).waitFor();
    await page.getByText("Ce lien a déjà servi").waitFor();

    await staff.page.goto(`/etudiants/${student.id}/espace-etudiant`);
    await staff.page
      .getByRole("region", { name: new RegExp(nameOf(student)) })
      .getByText("Actif", { exact: true })
      .waitFor();
    await visitor.close();
  });

  it("signs out on the server: a copy of the old cookie opens nothing, and the chosen password signs in again", async () => {
    const { student, visitor, page } = await newActiveStudent();
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
    await submitSignIn(page, student.email!, PASSWORD);
    await page.waitForURL("**/espace-etudiant");
    await page.getByRole("heading", { name: `Bonjour ${nameOf(student)}` }).waitFor();
    expect(await page.getByRole("status").count()).toBe(0);
    const [cookie] = (await visitor.cookies()).filter((candidate) => candidate.name === "sesame-portal");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    await visitor.close();
  });

  it("sends a signed-in student from the sign-in page to their home, and opens no staff page to them", async () => {
    const { student, visitor, page } = await newActiveStudent();
    await page.goto("/espace-etudiant/connexion");
    expect(new URL(page.url()).pathname).toBe("/espace-etudiant");

    // A portal session is not a staff session.
    await page.goto("/etudiants");
    await page.waitForURL("**/connexion?retour=%2Fetudiants");
    await page.goto("/espace-etudiant");
    await page.getByRole("heading", { name: `Bonjour ${nameOf(student)}` }).waitFor();
    await visitor.close();
  });

  it("changes the password from the home page, refusing a wrong current password", async () => {
    const { student, visitor, page } = await newActiveStudent();
    await page.getByLabel("Mot de passe actuel").fill("pas le bon mot de passe");
    await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("une nouvelle phrase bien longue");
    await page.getByLabel("Confirmer le nouveau mot de passe").fill("une nouvelle phrase bien longue");
    await page.getByRole("button", { name: "Changer le mot de passe" }).click();
    await page.getByText("Le mot de passe actuel n'est pas le bon.").waitFor();
    await page.getByLabel("Mot de passe actuel").fill(PASSWORD);
    await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("une nouvelle phrase bien longue");
    await page.getByLabel("Confirmer le nouveau mot de passe").fill("une nouvelle phrase bien longue");
    await page.getByRole("button", { name: "Changer le mot de passe" }).click();
    await page.getByText("Mot de passe changé.").waitFor();
    await page.reload();
    await page.getByRole("heading", { name: `Bonjour ${nameOf(student)}` }).waitFor();
    await visitor.close();
  });

  it("signs the student out at their next request once staff deactivate the access, and refuses their sign-in", async () => {
    const { student, visitor, page } = await newActiveStudent();
    await disableAccessFor(staff.page, student.id, nameOf(student));
    await page.reload();
    await page.waitForURL("**/espace-etudiant/connexion?session=expiree");
    await page.getByText("Votre session a pris fin.").waitFor();
    await submitSignIn(page, student.email!, PASSWORD);
    await page.getByText("Votre accès à l'espace étudiant est désactivé.").waitFor();
    await visitor.close();
  });

  it("does not open the espace étudiant to a staff session", async () => {
    await staff.page.goto("/espace-etudiant");
    await staff.page.waitForURL("**/espace-etudiant/connexion");
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
    await page
      .getByRole("alert")
      .filter({ hasText: /Trop de tentatives de connexion\. Réessayez dans 15 minutes\./ })
      .waitFor();
    await visitor.close();
  });
});

describe("forgotten password", () => {
  const FIRST_PASSWORD = "premier mot de passe oublie vite";

  /** Asks the forgotten-password page for a new link and returns what it answers. */
  async function askForNewLink(page: Page, address: string): Promise<string | null> {
    const answer = page.getByRole("status").filter({ hasText: "Si un accès à l'espace étudiant correspond à cette adresse" });
    await page.getByLabel("Adresse email").fill(address);
    await page.getByRole("button", { name: "Recevoir un nouveau lien" }).click();
    await answer.waitFor();
    return answer.textContent();
  }

  /** A new student who chose FIRST_PASSWORD, then signed out: on the portal's sign-in page. */
  async function signedOutStudent() {
    const student = await createTestStudent(world);
    const { visitor, page } = await activeStudent(browser, staff.page, student, FIRST_PASSWORD);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL("**/espace-etudiant/connexion");
    return { student, visitor, page };
  }

  it("answers the same for an unknown address as for an active student's, and emails the student a new link", async () => {
    const { student, visitor, page } = await signedOutStudent();
    await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
    await page.waitForURL("**/espace-etudiant/mot-de-passe-oublie");
    const before = await lastEmailId();
    const unknownAnswer = await askForNewLink(page, "personne.inconnue@lycee.test");
    await page.reload();
    expect(await askForNewLink(page, student.email!)).toBe(unknownAnswer);
    await waitForEmails(student.email!, 1, before);
    await visitor.close();
  });

  it("sets a new password from the emailed link: the old one is refused, the new one opens the espace étudiant", async () => {
    const { student, visitor, page } = await signedOutStudent();
    await page.goto("/espace-etudiant/mot-de-passe-oublie");
    const before = await lastEmailId();
    await askForNewLink(page, student.email!);
    const [reset] = await waitForEmails(student.email!, 1, before);

    await page.goto(`/activation/${linkTokenIn(reset.text)}`);
    await page.getByRole("heading", { name: "Choisir un nouveau mot de passe" }).waitFor();
    await choosePasswordAt(page, `/activation/${linkTokenIn(reset.text)}`, "lanterne verger parapluie", { reset: true });

    // From a fresh browser: the old password is refused, the new one opens the espace étudiant.
    const later = await newContext(browser);
    const again = await later.newPage();
    await again.goto("/espace-etudiant/connexion");
    await submitSignIn(again, student.email!, FIRST_PASSWORD);
    await again.getByRole("alert").filter({ hasText: "Adresse email ou mot de passe incorrect." }).waitFor();
    await again.getByLabel("Mot de passe", { exact: true }).fill("lanterne verger parapluie");
    await again.getByRole("button", { name: "Se connecter" }).click();
    await again.waitForURL("**/espace-etudiant");
    await again.getByRole("heading", { name: `Bonjour ${nameOf(student)}` }).waitFor();
    await later.close();
    await visitor.close();
  });
});
