/** @jest-environment node */
// Every page against every demo role and an anonymous visitor, by HTTP status.
import type { Browser } from "playwright-core";
import { baseUrl, launchBrowser, newContext, signedInPage, type DemoRole } from "./support/browser";
import { demoStudentIds } from "./support/database";

let browser: Browser;
let pages: Record<string, string>;

beforeAll(async () => {
  browser = await launchBrowser();
  const ids = await demoStudentIds();
  pages = {
    home: "/",
    list: "/etudiants?q=dupont",
    profileA: `/etudiants/${ids.firstSchool.id}`,
    studentSpaceA: `/etudiants/${ids.firstSchool.id}/espace-etudiant`,
    profileB: `/etudiants/${ids.secondSchool.id}`,
    unknown: "/etudiants/inconnu123",
    malformed: "/etudiants/%27%20OR%201%3D1",
    schoolSettings: "/etablissements",
  };
});

afterAll(() => browser?.close());

// Expected status of each page; 307 is the redirect to the sign-in page (on "/", for staff, to their section); an
// anonymous visitor sees the two doors on "/", and so does the comptable, whose role opens no section, its explanation.
const MATRIX: Record<DemoRole | "anonymous", Record<string, number>> = {
  anonymous: { home: 200, list: 307, profileA: 307, studentSpaceA: 307, profileB: 307, unknown: 307, malformed: 307, schoolSettings: 307 },
  direction: { home: 307, list: 200, profileA: 200, studentSpaceA: 200, profileB: 200, unknown: 404, malformed: 404, schoolSettings: 200 },
  secretariat: {
    home: 307,
    list: 200,
    profileA: 200,
    studentSpaceA: 200,
    profileB: 200,
    unknown: 404,
    malformed: 404,
    schoolSettings: 403,
  },
  enseignant: { home: 307, list: 200, profileA: 200, studentSpaceA: 200, profileB: 404, unknown: 404, malformed: 404, schoolSettings: 403 },
  comptable: { home: 200, list: 403, profileA: 403, studentSpaceA: 403, profileB: 403, unknown: 403, malformed: 403, schoolSettings: 403 },
};

describe.each(Object.keys(MATRIX) as (DemoRole | "anonymous")[])("as %s", (role) => {
  it("each page answers with the expected status", async () => {
    const { context } = role === "anonymous" ? { context: await newContext(browser) } : await signedInPage(browser, role);
    try {
      const statuses: Record<string, number> = {};
      for (const [name, path] of Object.entries(pages)) {
        const response = await context.request.get(`${baseUrl()}${path}`, { maxRedirects: 0 });
        statuses[name] = response.status();
        if (response.status() === 307 && role === "anonymous") {
          expect(response.headers()["location"]).toMatch(/\/connexion(\?retour=.*)?$/);
        }
      }
      expect(statuses).toEqual(MATRIX[role]);
    } finally {
      await context.close();
    }
  });
});

describe("security headers", () => {
  it.each(["/connexion", "/etudiants", "/espace-etudiant/connexion", "/activation/inconnu"])("are sent with %s", async (path) => {
    const context = await newContext(browser);
    try {
      const response = await context.request.get(`${baseUrl()}${path}`, { maxRedirects: 0 });
      const headers = response.headers();
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"]).toContain("default-src 'self'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["x-frame-options"]).toBe("DENY");
    } finally {
      await context.close();
    }
  });
});
