/** @jest-environment node */
// « Relancer » in the browser: from the Étudiants list for students and parents, and from a person's
// « Plus » menu; the reminders read back from the real SMTP server, the run found on « Envois ».
import type { Browser, Page } from "playwright-core";
import { hashLinkToken } from "@/lib/access/tokens";
import { newContext } from "./support/browser";
import { linkIsUsable } from "./support/database";
import { createTestStudent, nameOf, parentInput, type StaffAccount, type World } from "./support/factories";
import { lastEmailId, linkTokenIn, waitForEmails } from "./support/inbox";
import { choosePasswordAt, enableAccessFor } from "./support/portal";
import { staffSessionForFile } from "./support/session";

// One organisation and staff member for the file.
const session = staffSessionForFile();
let browser: Browser;
let page: Page;
let world: World;
let staff: StaffAccount;
// Each test first invites its people through the Espace étudiant page (an email each), then reminds them.
const STEPS_TIMEOUT_MS = 120_000;
beforeAll(() => {
  ({ page, world, staff, browser } = session);
});

/** A student and their parent, both invited by staff from the Espace étudiant page, their invitations delivered. */
async function invitedFamily() {
  const parent = parentInput("Relance");
  const student = await createTestStudent(world, { guardians: [parent] });
  const { email: invitation } = await enableAccessFor(page, student.id, nameOf(student), student.email!);
  await enableAccessFor(page, student.id, nameOf(parent), parent.email);
  return { student, parent, invitation };
}

describe("« Relancer »", () => {
  it(
    "reminds the selected students and their parents from the list; the run is a « Relance » on « Envois »",
    async () => {
      const families = [await invitedFamily(), await invitedFamily()];
      const never = await createTestStudent(world);
      const before = await lastEmailId();
      await page.goto("/etudiants?taille=100");
      for (const student of [...families.map((family) => family.student), never]) {
        await page.getByRole("checkbox", { name: `Sélectionner ${nameOf(student)}` }).check();
      }
      await page.getByRole("region", { name: "3 étudiants sélectionnés" }).getByRole("button", { name: "Relancer" }).click();
      const dialog = page.getByRole("alertdialog", { name: "Relancer les accès non activés" });
      const both = dialog.getByRole("group", { name: "Relancer" }).getByRole("radio", { name: "Les deux" });
      // The count before sending: two invited students and their parents; the never-enabled student is not among them.
      await dialog.getByText("4 personnes recevront une relance (2 élèves et 2 parents).").waitFor();
      await dialog.getByRole("radio", { name: "Les élèves" }).check();
      await dialog.getByText("2 élèves recevront une relance.").waitFor();
      await both.check();
      expect(await both.isChecked()).toBe(true);
      await dialog.getByRole("button", { name: "Envoyer les relances" }).click();

      await page.waitForURL(/\/etudiants\/envois\/[a-z0-9]+$/);
      await page.getByRole("heading", { name: "Relance des accès non activés", level: 1 }).waitFor();
      expect(await page.title()).toContain("Relance des accès non activés");
      await page.getByText("Destinataires : élèves et parents").waitFor();
      await page.getByText("Envoi terminé : 4 emails envoyés.").waitFor();
      // The student never enabled is skipped, and said so.
      await page.getByText("1 dont l'accès n'a jamais été activé").waitFor();

      // The report: a line for every person, saying student or parent and, for a parent, the child.
      const report = await page.evaluate(
        async (href) => (await fetch(href!)).text(),
        await page.getByRole("link", { name: "Télécharger le rapport (CSV)" }).getAttribute("href"),
      );
      const lines = report
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n");
      expect(lines[0]).toBe("Personne;N° étudiant;Nom;Prénom;Email;Élève concerné;Résultat;Envoyé le;Erreur");
      expect(lines).toHaveLength(6);
      const { student, parent } = families[0];
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(`^Élève;${student.studentNumber};${student.lastName};${student.firstName};${student.email};;Envoyé;`),
        ),
      );
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(`^Parent;${student.studentNumber};${parent.lastName};${parent.firstName};${parent.email};${nameOf(student)};Envoyé;`),
        ),
      );
      expect(lines).toContainEqual(
        `Élève;${never.studentNumber};${never.lastName};${never.firstName};${never.email};;Ignoré : accès jamais activé;;`,
      );

      const school = world.schools[0].school.name;
      for (const { student, parent, invitation } of families) {
        const [toStudent] = await waitForEmails(student.email!, 1, before);
        const [toParent] = await waitForEmails(parent.email, 1, before);
        for (const reminder of [toStudent, toParent]) {
          expect(reminder.subject).toBe(`Rappel : activez votre accès à l'espace étudiant — ${school}`);
          expect(reminder.text).toContain(`Vous n'avez pas encore activé votre accès à l'espace étudiant (${school})`);
          expect(reminder.text).toContain("Choisir mon mot de passe");
        }
        expect(toStudent.text).toContain(`Bonjour ${nameOf(student)},`);
        expect(toStudent.text).toContain(`(${school}). Pour l'activer, il vous suffit de choisir votre mot de passe`);
        expect(toParent.text).toContain(`Bonjour ${nameOf(parent)},`);
        expect(toParent.text).toContain(`qui vous permet de suivre la scolarité d'${nameOf(student)}`);
        // The reminder's link replaces the invitation's.
        expect(await linkIsUsable(hashLinkToken(linkTokenIn(invitation.text)))).toBe(false);
        expect(await linkIsUsable(hashLinkToken(linkTokenIn(toStudent.text)))).toBe(true);
      }
      expect(await waitForEmails(never.email!, 0, before)).toEqual([]);

      // The parent's link works: they choose a password and land in the espace étudiant.
      const visitor = await newContext(browser);
      await choosePasswordAt(
        await visitor.newPage(),
        `/activation/${linkTokenIn((await waitForEmails(families[0].parent.email, 1, before))[0].text)}`,
        "cheval agrafe batterie correcte",
      );
      await visitor.close();

      await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Envois" }).click();
      await page.getByRole("heading", { name: "Envois", level: 1 }).waitFor();
      const rows = page.getByRole("table").getByRole("row");
      await rows.nth(1).waitFor();
      expect(await rows.nth(1).getByRole("cell").allTextContents()).toEqual([
        "Relance · élèves et parents",
        staff.name,
        "5",
        "4",
        "0",
        "1",
        "Terminé",
        "Rapport CSV",
      ]);
    },
    STEPS_TIMEOUT_MS,
  );

  it(
    "reminds one person from the « Relancer » button of their card, recorded in their history",
    async () => {
      const { student, invitation } = await invitedFamily();
      const before = await lastEmailId();
      await page.goto(`/etudiants/${student.id}/espace-etudiant`);
      const card = page.getByRole("region", { name: new RegExp(nameOf(student)) });
      await card.getByRole("button", { name: "Relancer" }).click();
      const dialog = page.getByRole("alertdialog", { name: `Relancer ${nameOf(student)} ?` });
      await dialog.getByRole("button", { name: "Envoyer la relance" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: `Relance envoyée à ${student.email}.` })
        .waitFor();
      const [reminder] = await waitForEmails(student.email!, 1, before);
      expect(reminder.subject).toContain("Rappel : activez votre accès");
      expect(await linkIsUsable(hashLinkToken(linkTokenIn(invitation.text)))).toBe(false);

      await card.getByRole("button", { name: `Plus d'actions pour ${nameOf(student)}` }).click();
      await page.getByRole("menuitem", { name: "Historique" }).click();
      const history = page.getByRole("dialog", { name: `Historique de l'accès — ${nameOf(student)}` });
      const entry = history.getByRole("listitem").filter({ hasText: "Relance envoyée" });
      await entry.first().waitFor();
      expect(await entry.first().textContent()).toContain(`par ${staff.name}`);
      await page.keyboard.press("Escape");
    },
    STEPS_TIMEOUT_MS,
  );
});
