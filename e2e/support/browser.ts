// Debian's Chromium driven by playwright-core (no browser download), and the app's demo accounts.
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";

export const baseUrl = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("the e2e global setup did not start the app");
  return url;
};

export const DEMO_PASSWORD = "Sesame-demo-2026";
export const DEMO_ACCOUNTS = {
  direction: "direction@sesame.test",
  secretariat: "secretariat@sesame.test",
  enseignant: "enseignant@sesame.test",
  comptable: "comptable@sesame.test",
} as const;
export type DemoRole = keyof typeof DEMO_ACCOUNTS;
/** A demo account by its role, or a staff member a factory created. */
export type StaffLogin = DemoRole | { email: string; password: string };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl(), locale: "fr-FR", viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Fills and submits the sign-in form the page shows (the staff's or the espace étudiant's: same labels). */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel("Adresse email").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/** Signs in through the real form and waits for the landing page. */
export async function signIn(page: Page, who: StaffLogin): Promise<void> {
  await page.goto("/connexion");
  if (typeof who === "string") await submitSignIn(page, DEMO_ACCOUNTS[who]);
  else await submitSignIn(page, who.email, who.password);
  await page.waitForURL((url) => url.pathname !== "/connexion");
}

export async function signedInPage(browser: Browser, who: StaffLogin): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, who);
  return { context, page };
}

/** Closes an open dialog with Escape, as a keyboard user does, and waits until it is gone. */
export async function closeWithEscape(dialog: Locator): Promise<void> {
  await dialog.page().keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
}
