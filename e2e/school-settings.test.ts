/** @jest-environment node */
// « Paramètres des établissements »: a staff member with « Gérer les relances » opens it from the main
// menu and saves a school's contact address and automatic reminders; others neither see nor open it.
import type { Browser, Page } from "playwright-core";
import { signedInPage } from "./support/browser";
import { RIGHTS } from "@/lib/rights";
import { createStaffAccount, createTestStudent, nameOf, type World } from "./support/factories";
import { enableAccessFor } from "./support/portal";
import { staffSessionForFile } from "./support/session";

// One organisation and staff member for the file.
const session = staffSessionForFile();
let browser: Browser;
let page: Page;
let world: World;
beforeAll(() => {
  ({ page, world, browser } = session);
});

it("saves a school's contact address, time zone and automatic reminders, after a French error for a bad address", async () => {
  const name = world.schools[0].school.name;
  await page.goto("/etudiants");
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Établissements" }).click();
  await page.getByRole("heading", { level: 1, name: "Paramètres des établissements" }).waitFor();
  const school = page.getByRole("region", { name });
  const address = school.getByLabel("Adresse de contact");
  await address.fill("secretariat@");
  await school.getByRole("button", { name: "Enregistrer" }).click();
  await school.getByText("L'adresse email n'est pas valide.").waitFor();
  expect(await address.getAttribute("aria-invalid")).toBe("true");

  await address.fill("vie-scolaire@lycee-e2e.test");
  // Tab from the address reaches the time zone (« La Réunion » chosen), Tab again the switch, and
  // Space turns it on.
  await address.press("Tab");
  const clock = school.getByLabel("Fuseau horaire");
  expect(await clock.evaluate((element) => element === document.activeElement)).toBe(true);
  await clock.selectOption({ label: "La Réunion" });
  await clock.press("Tab");
  const toggle = school.getByRole("switch", { name: "Relances automatiques" });
  expect(await toggle.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.press("Space");
  expect(await toggle.getAttribute("aria-checked")).toBe("true");
  await school.getByLabel("Première relance après (jours)").fill("5");
  await school.getByLabel("De", { exact: true }).selectOption({ label: "9 h" });
  await school.getByLabel("à", { exact: true }).selectOption({ label: "18 h" });
  await school.getByRole("button", { name: "Enregistrer" }).click();
  await page.getByText(`Paramètres de ${name} enregistrés.`).waitFor();

  await page.reload();
  const saved = page.getByRole("region", { name });
  expect(await saved.getByLabel("Adresse de contact").inputValue()).toBe("vie-scolaire@lycee-e2e.test");
  expect(await saved.getByRole("switch", { name: "Relances automatiques" }).getAttribute("aria-checked")).toBe("true");
  expect(await saved.getByLabel("Première relance après (jours)").inputValue()).toBe("5");
  expect(await saved.getByLabel("De", { exact: true }).inputValue()).toBe("9");
  expect(await saved.getByLabel("à", { exact: true }).inputValue()).toBe("18");
  expect(await saved.getByLabel("Fuseau horaire").inputValue()).toBe("Indian/Reunion");
  // The other school kept its defaults: reminders off, Paris time.
  const other = page.getByRole("region", { name: world.schools[1].school.name });
  expect(await other.getByLabel("Fuseau horaire").inputValue()).toBe("Europe/Paris");
  expect(await other.getByRole("switch", { name: "Relances automatiques" }).getAttribute("aria-checked")).toBe("false");
});

it("is neither in the menu nor open to staff without « Gérer les relances »", async () => {
  const teacher = await createStaffAccount(world, [RIGHTS.viewStudent, RIGHTS.editStudent]);
  const signedIn = await signedInPage(browser, teacher);
  try {
    await signedIn.page.goto("/etudiants");
    const menu = signedIn.page.getByRole("navigation", { name: "Navigation principale" });
    await menu.getByRole("link", { name: "Étudiants" }).waitFor();
    expect(await menu.getByRole("link", { name: "Établissements" }).count()).toBe(0);
    const response = await signedIn.page.goto("/etablissements");
    expect(response?.status()).toBe(403);
    await signedIn.page.getByRole("heading", { name: "Accès refusé" }).waitFor();
  } finally {
    await signedIn.context.close();
  }
});

it("is home for staff whose only section it is, restricted to their schools", async () => {
  const manager = await createStaffAccount(world, [RIGHTS.manageReminders], [1]);
  const signedIn = await signedInPage(browser, manager);
  try {
    await signedIn.page.goto("/");
    await signedIn.page.waitForURL((url) => url.pathname === "/etablissements");
    await signedIn.page.getByRole("heading", { level: 1, name: "Paramètres des établissements" }).waitFor();
    expect(await signedIn.page.getByRole("region").count()).toBe(1);
    await signedIn.page.getByRole("region", { name: world.schools[1].school.name }).waitFor();
    const menu = signedIn.page.getByRole("navigation", { name: "Navigation principale" });
    expect(await menu.getByRole("link").allTextContents()).toEqual(["Établissements"]);
  } finally {
    await signedIn.context.close();
  }
});

/** The second school moves to « Nouvelle-Calédonie » (UTC+11, ten hours from Paris), from its settings. */
async function secondSchoolOnNoumeaTime() {
  const name = world.schools[1].school.name;
  await page.goto("/etablissements");
  const school = page.getByRole("region", { name });
  await school.getByLabel("Fuseau horaire").selectOption({ label: "Nouvelle-Calédonie" });
  await school.getByRole("button", { name: "Enregistrer" }).click();
  await page.getByText(`Paramètres de ${name} enregistrés.`).waitFor();
}

it("writes a school's dates on its clock: the profile says the expiry its invitation says", async () => {
  await secondSchoolOnNoumeaTime();

  const student = await createTestStudent(world, { school: 1 });
  const { email } = await enableAccessFor(page, student.id, nameOf(student), student.email!);
  const expiry = /valable jusqu'au\s+(\d+\s+\S+\s+\d{4}\s+à\s+\d\d:\d\d)/.exec(email.text)?.[1]?.replace(/\s+/g, " ");
  expect(expiry).toBeDefined();
  const card = page.getByRole("region", { name: new RegExp(nameOf(student)) });
  await card.getByText(`Valable jusqu'au ${expiry}`).waitFor();
});

it("writes the times of a staff member of that school on its clock: a send's progress, the board's export", async () => {
  await secondSchoolOnNoumeaTime();
  // A staff member of that school only.
  const local = await createStaffAccount(world, [RIGHTS.viewStudent, RIGHTS.editStudent], [1]);
  const signedIn = await signedInPage(browser, local);
  const at = (moment: number, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat("fr", { ...options, timeZone: "Pacific/Noumea" }).format(moment);
  try {
    const student = await createTestStudent(world, { school: 1 });
    const staffPage = signedIn.page;
    await staffPage.goto(`/etudiants?q=${encodeURIComponent(student.lastName)}`);
    await staffPage.getByRole("checkbox", { name: `Sélectionner ${nameOf(student)}` }).check();
    await staffPage
      .getByRole("region", { name: "1 étudiant sélectionné" })
      .getByRole("button", { name: "Renvoyer l'email d'activation" })
      .click();
    const started = Date.now();
    await staffPage.getByRole("alertdialog").getByRole("button", { name: "Envoyer 1 email" }).click();
    await staffPage.waitForURL(/\/etudiants\/envois\/[a-z0-9]+$/);
    const line = await staffPage.getByText(/^Lancé le /).textContent();
    // The minute of the click, or the next one if it turned meanwhile.
    const minutes = [started, started + 60_000].map(
      (moment) => `Lancé le ${at(moment, { dateStyle: "long", timeStyle: "short" })} par ${local.name}`,
    );
    expect(minutes).toContain(line);

    const exported = await staffPage.request.get("/suivi-des-acces/export");
    const [, firstRow] = (await exported.text()).split("\r\n");
    const extracted = firstRow.split(";").at(-1);
    const now = Date.now();
    expect([now - 60_000, now].map((moment) => at(moment, { dateStyle: "short", timeStyle: "short" }))).toContain(extracted);
  } finally {
    await signedIn.context.close();
  }
});
