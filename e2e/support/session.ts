// One organisation and one staff member signed in for a whole test file, with their browser.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, signedInPage } from "./browser";
import { createSchoolWithStaff, type StaffAccount, type World } from "./factories";

export type StaffSession = { browser: Browser; context: BrowserContext; page: Page; world: World; staff: StaffAccount };

/**
 * Registers the file's beforeAll (a school, a staff member with every right, a signed-in page) and
 * afterAll (the browser closed). The object is filled once the hook has run: read it inside tests
 * or in a later beforeAll.
 */
export function staffSessionForFile(): StaffSession {
  const session = {} as StaffSession;
  beforeAll(async () => {
    session.browser = await launchBrowser();
    Object.assign(session, await createSchoolWithStaff());
    Object.assign(session, await signedInPage(session.browser, session.staff));
  });
  afterAll(async () => {
    await session.context?.close();
    await session.browser?.close();
  });
  return session;
}
