/** @jest-environment node */
// The keyboard only, from the search to a confirmed action: where focus is at each step, and that it
// comes back to the control that opened each panel, menu and dialog.
import type { Page } from "playwright-core";
import { closeWithEscape } from "./support/browser";
import { createTestStudent, invitedStudent, nameOf, type Student } from "./support/factories";
import { staffSessionForFile } from "./support/session";

const session = staffSessionForFile();
let page: Page;
let invited: Student;
let fresh: Student;

beforeAll(async () => {
  page = session.page;
  invited = await invitedStudent(page, session.world);
  fresh = await createTestStudent(session.world);
}, 60_000);

/** In the page: whether the focused element matches the selector (and shows the text, if given). */
const isFocused = ([css, shown]: readonly [string, string | undefined]) => {
  const focused = document.activeElement;
  return !!focused?.matches(css) && (shown === undefined || focused.textContent?.trim() === shown);
};

const focusedMatches = (selector: string, text?: string) => page.evaluate(isFocused, [selector, text] as const);

/**
 * Presses Tab (or Shift+Tab, or `key`) until the focused element matches `selector` (and `text`);
 * fails after `limit` presses.
 */
async function tabTo(
  selector: string,
  { text, backwards = false, key, limit = 60 }: { text?: string; backwards?: boolean; key?: string; limit?: number } = {},
) {
  for (let presses = 0; presses < limit; presses++) {
    if (await focusedMatches(selector, text)) return;
    await page.keyboard.press(key ?? (backwards ? "Shift+Tab" : "Tab"));
  }
  throw new Error(`${selector} never got the focus in ${limit} presses`);
}

/**
 * Waits until the focused element matches `selector` (and shows `text`): focus may move a moment after
 * a dialog closes. Fails naming the element that has the focus instead.
 */
async function focusLandsOn(selector: string, text?: string) {
  try {
    await page.waitForFunction(isFocused, [selector, text] as const, { timeout: 5_000 });
  } catch {
    const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160));
    throw new Error(`focus never landed on ${selector}${text === undefined ? "" : ` « ${text} »`}; it is on ${focused}`);
  }
}

describe("keyboard only", () => {
  it("search → Aperçu → profile → Espace étudiant → Plus → dialog → confirm, focus returning each time", async () => {
    const name = nameOf(invited);
    await page.goto("/etudiants");
    await tabTo("input[type=search]");
    await page.keyboard.type(invited.lastName);
    await page.waitForURL(/q=/);
    // « Aperçu de … » or « Aperçu d'… »: the row's button, showing « Aperçu ».
    const preview = `button[aria-label^="Aperçu d"][aria-label$="${name}"]`;
    await tabTo(preview, { text: "Aperçu" });
    await page.keyboard.press("Enter");
    await page.getByRole("dialog", { name }).waitFor();
    await closeWithEscape(page.getByRole("dialog", { name }));
    await focusLandsOn(preview);

    await tabTo(`a[href="/etudiants/${invited.id}"]`, { backwards: true });
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/etudiants/${invited.id}`);
    await tabTo(`a[href="/etudiants/${invited.id}/espace-etudiant"]`);
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/etudiants/${invited.id}/espace-etudiant`);

    const more = `button[aria-label="Plus d'actions pour ${name}"]`;
    await tabTo(more);
    await page.keyboard.press("Enter");
    await page.getByRole("menuitem", { name: "Renvoyer l'email d'activation" }).waitFor();
    await tabTo("[role=menuitem]", { text: "Renvoyer l'email d'activation", key: "ArrowDown", limit: 5 });
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("alertdialog", { name: "Renvoyer l'email d'activation ?" });
    await dialog.waitFor();
    await closeWithEscape(dialog);
    await focusLandsOn(more);

    await page.keyboard.press("Enter");
    await page.getByRole("menuitem", { name: "Renvoyer l'email d'activation" }).waitFor();
    await tabTo("[role=menuitem]", { text: "Renvoyer l'email d'activation", key: "ArrowDown", limit: 5 });
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await tabTo("[role=alertdialog] button", { text: "Envoyer l'email", limit: 10 });
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    await focusLandsOn(more);
  }, 90_000);

  it("after confirming « Activer l'accès », whose button goes, focus is on the person's card, not lost", async () => {
    const name = nameOf(fresh);
    await page.goto(`/etudiants/${fresh.id}/espace-etudiant`);
    const card = page.getByRole("region", { name: new RegExp(name) });
    await card.getByRole("button", { name: "Activer l'accès" }).waitFor();
    await tabTo("button", { text: "Activer l'accès" });
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("alertdialog", { name: `Activer l'accès d'${name} ?` });
    await dialog.waitFor();
    await closeWithEscape(dialog);
    await focusLandsOn("button", "Activer l'accès");

    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await tabTo("[role=alertdialog] button", { text: "Activer l'accès", limit: 10 });
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    await card.getByText("Invitation envoyée").waitFor();
    await page.waitForFunction(() => document.activeElement !== document.body, undefined, { timeout: 5_000 });
    expect(await card.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }, 60_000);
});
