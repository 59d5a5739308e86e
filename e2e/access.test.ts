/** @jest-environment node */
// Access management in the browser: every dialog, the copy switch, the history, the list's row menu
// and bulk resend, with the emails read back from the real SMTP server.
import type { Browser, Page } from "playwright-core";
import { signedInPage } from "./support/browser";
import { hashLinkToken } from "@/lib/access/tokens";
import { RIGHTS } from "@/lib/rights";
import { linkIsUsable } from "./support/database";
import { createStaffAccount, createTestStudent, nameOf, parentInput, type StaffAccount, type World } from "./support/factories";
import { lastEmailId, linkTokenIn, waitForEmails } from "./support/inbox";
import { enableAccessFor } from "./support/portal";
import { staffSessionForFile } from "./support/session";

// One organisation and staff member for the file; each test makes the students it changes.
const session = staffSessionForFile();
let browser: Browser;
let page: Page;
let world: World;
let staff: StaffAccount;
beforeAll(() => {
  ({ page, world, staff, browser } = session);
});

const section = (name: string) => page.getByRole("region", { name: new RegExp(name) });

describe("Espace étudiant page", () => {
  it("activates access after confirmation and emails the activation link", async () => {
    const student = await createTestStudent(world);
    const before = await lastEmailId();
    await page.goto(`/etudiants/${student.id}/espace-etudiant`);
    const card = section(nameOf(student));
    await card.getByText("Aucun accès").waitFor();
    await card.getByRole("button", { name: "Activer l'accès" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Activer l'accès d'${nameOf(student)} ?` });
    expect(await dialog.textContent()).toContain("Un email d'activation lui sera envoyé");
    await dialog.getByRole("button", { name: "Activer l'accès" }).click();
    await dialog.waitFor({ state: "hidden" });
    await card.getByText("Invitation envoyée").waitFor();
    const [email] = await waitForEmails(student.email!, 1, before);
    expect(email.subject).toMatch(/^Votre accès à l'espace étudiant — /);
    expect(email.text).toContain(`Bonjour ${nameOf(student)},`);
    expect(email.html).toContain("Choisir mon mot de passe");
    expect(await linkIsUsable(hashLinkToken(linkTokenIn(email.text)))).toBe(true);
    // The page follows the email until it has left.
    await card.getByText(/Dernier email.*envoyé/).waitFor();
  });

  it("resends with a copy to the staff member; the earlier link stops working", async () => {
    const student = await createTestStudent(world);
    const firstLink = linkTokenIn((await enableAccessFor(page, student.id, nameOf(student), student.email!)).email.text);
    const before = await lastEmailId();
    await page.goto(`/etudiants/${student.id}/espace-etudiant`);
    const card = section(nameOf(student));
    await card.getByRole("button", { name: `Plus d'actions pour ${nameOf(student)}` }).click();
    await page.getByRole("menuitem", { name: "Renvoyer l'email d'activation" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Renvoyer l'email d'activation ?" });
    const copySwitch = dialog.getByRole("switch", { name: "Recevoir une copie de l'email" });
    expect(await copySwitch.getAttribute("aria-checked")).toBe("false");
    await copySwitch.click();
    expect(await copySwitch.getAttribute("aria-checked")).toBe("true");
    await dialog.getByRole("button", { name: "Envoyer l'email" }).click();
    await page.getByRole("status").filter({ hasText: "avec une copie pour vous" }).waitFor();
    const [original] = await waitForEmails(student.email!, 1, before);
    const [copy] = await waitForEmails(staff.email, 1, before);
    expect(copy.subject).toBe(`[Copie] ${original.subject}`);
    expect(linkTokenIn(copy.text)).toBe(linkTokenIn(original.text));
    expect(await linkIsUsable(hashLinkToken(firstLink))).toBe(false);
    expect(await linkIsUsable(hashLinkToken(linkTokenIn(original.text)))).toBe(true);

    await card.getByRole("button", { name: `Plus d'actions pour ${nameOf(student)}` }).click();
    await page.getByRole("menuitem", { name: "Historique" }).click();
    const history = page.getByRole("dialog", { name: `Historique de l'accès — ${nameOf(student)}` });
    await history.getByText("copie demandée").waitFor();
    expect(await history.getByRole("listitem").filter({ hasText: "Email d'activation envoyé" }).count()).toBeGreaterThanOrEqual(2);
    expect(await history.textContent()).toContain(`par ${staff.name}`);
    await page.keyboard.press("Escape");
  });

  it("deactivates access; resending is then not offered, and says why", async () => {
    const student = await createTestStudent(world);
    await enableAccessFor(page, student.id, nameOf(student), student.email!);
    await page.goto(`/etudiants/${student.id}/espace-etudiant`);
    const card = section(nameOf(student));
    await card.getByRole("button", { name: "Désactiver l'accès" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Désactiver l'accès d'${nameOf(student)} ?` });
    expect(await dialog.textContent()).toContain("Les liens d'activation en attente ne fonctionneront plus");
    await dialog.getByRole("button", { name: "Désactiver l'accès" }).click();
    await card.getByText("Désactivé", { exact: true }).waitFor();
    await card.getByText(new RegExp(`Désactivé le .* par ${staff.name}`)).waitFor();
    await card.getByRole("button", { name: `Plus d'actions pour ${nameOf(student)}` }).click();
    const resend = page.getByRole("menuitem", { name: /Renvoyer l'email d'activation/ });
    expect(await resend.getAttribute("aria-disabled")).toBe("true");
    expect(await resend.textContent()).toContain("Accès désactivé");
    await page.keyboard.press("Escape");
    await card.getByRole("button", { name: "Activer l'accès" }).waitFor();
  });

  it("sends a parent's email from the Informations page, naming the student", async () => {
    const parent = parentInput("Parent");
    const student = await createTestStudent(world, { guardians: [parent] });
    const before = await lastEmailId();
    await page.goto(`/etudiants/${student.id}`);
    await page.getByRole("button", { name: `Plus d'actions pour ${nameOf(parent)}` }).click();
    await page.getByRole("menuitem", { name: "Renvoyer l'email d'activation" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Renvoyer l'email d'activation ?" });
    expect(await dialog.textContent()).toContain("L'accès sera activé.");
    await dialog.getByRole("button", { name: "Envoyer l'email" }).click();
    const [email] = await waitForEmails(parent.email!, 1, before);
    expect(email.text).toMatch(new RegExp(`suivre la scolarité d'[^.]*${nameOf(student)}`));
  });
});

describe("Étudiants list", () => {
  it("resends from a row's Plus menu and filters by access state", async () => {
    const student = await createTestStudent(world);
    const before = await lastEmailId();
    await page.goto(`/etudiants?q=${encodeURIComponent(student.studentNumber)}`);
    await page.getByRole("button", { name: `Plus d'actions pour ${nameOf(student)}` }).click();
    await page.getByRole("menuitem", { name: "Renvoyer l'email d'activation" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Envoyer l'email" }).click();
    await waitForEmails(student.email!, 1, before);
    await page.goto(`/etudiants?acces=invitation&q=${encodeURIComponent(student.studentNumber)}`);
    await page.getByRole("cell", { name: "Invitation envoyée" }).waitFor();
    expect(await page.getByText("1 étudiant", { exact: true }).count()).toBe(1);
  });

  it("bulk-resends to selected rows, with a summary of who is skipped, and shows progress to the end", async () => {
    const chosen = [await createTestStudent(world), await createTestStudent(world)];
    const withoutEmail = await createTestStudent(world, { email: null });
    const before = await lastEmailId();
    await page.goto("/etudiants?taille=100");
    for (const student of [...chosen, withoutEmail]) {
      await page.getByRole("checkbox", { name: `Sélectionner ${nameOf(student)}` }).check();
    }
    const bar = page.getByRole("region", { name: "3 étudiants sélectionnés" });
    await bar.getByRole("button", { name: "Renvoyer l'email d'activation" }).click();
    const summary = page.getByRole("alertdialog", { name: "Renvoyer l'email d'activation" });
    await summary.getByText("2 étudiants recevront l'email.").waitFor();
    await summary.getByText("1 sans adresse email").waitFor();
    await summary.getByText("Pour 2 d'entre eux, l'accès sera activé.").waitFor();
    await summary.getByRole("button", { name: "Envoyer 2 emails" }).click();
    await page.waitForURL(/\/etudiants\/envois\/[a-z0-9]+$/);
    await page.getByRole("heading", { name: "Envoi des emails d'activation" }).waitFor();
    await page.getByText("Envoi terminé : 2 emails envoyés.").waitFor();
    expect(await page.getByTestId("bulk-sent").textContent()).toBe("2");
    expect(await page.getByTestId("bulk-skippedCount").textContent()).toBe("1");
    for (const student of chosen) await waitForEmails(student.email!, 1, before);
    const report = await page.context().request.get(`${page.url()}/rapport`);
    expect(report.headers()["content-type"]).toContain("text/csv");
    const csv = await report.text();
    expect(csv).toContain("N° étudiant;Nom;Prénom;Email;Résultat");
    for (const student of chosen)
      expect(csv).toContain(`${student.studentNumber};${student.lastName};${student.firstName};${student.email};Envoyé`);
    expect(csv).toContain(
      `${withoutEmail.studentNumber};${withoutEmail.lastName};${withoutEmail.firstName};;Ignoré : adresse email manquante`,
    );
  });
});

describe("without Modifier un étudiant", () => {
  it("shows the states but no action", async () => {
    const student = await createTestStudent(world);
    const teacher = await signedInPage(browser, await createStaffAccount(world, [RIGHTS.viewStudent]));
    try {
      await teacher.page.goto(`/etudiants/${student.id}/espace-etudiant`);
      await teacher.page.getByText("Vous pouvez consulter les accès, mais pas les modifier").waitFor();
      expect(await teacher.page.getByRole("button", { name: "Activer l'accès" }).count()).toBe(0);
      expect(await teacher.page.getByRole("button", { name: /Plus d'actions/ }).count()).toBe(0);
      await teacher.page.getByRole("button", { name: "Historique" }).first().waitFor();
      await teacher.page.goto("/etudiants");
      await teacher.page.getByRole("columnheader", { name: "Accès" }).waitFor();
      expect(await teacher.page.getByRole("checkbox").count()).toBe(0);
      expect(await teacher.page.getByRole("button", { name: /Plus d'actions/ }).count()).toBe(0);
    } finally {
      await teacher.context.close();
    }
  });
});
