import {
  activationPath,
  bulkSendPath,
  bulkSendReportPath,
  bulkSendsPath,
  isStaffPath,
  PORTAL_FORGOT_PASSWORD_PATH,
  PORTAL_HOME_PATH,
  PORTAL_SIGN_IN_PATH,
  portalHomePath,
  portalSignInPath,
  readPortalHomeParams,
  readBulkSendsParams,
  readPortalSignInParams,
  safeReturnPath,
  signInPath,
  studentPath,
  studentPortalPath,
  withoutWelcome,
} from "@/lib/routes";

/** The query of a built path, as a page receives it in `searchParams`. */
function searchParamsOf(path: string): Record<string, string> {
  return Object.fromEntries(new URL(path, "https://sesame.example.org").searchParams);
}

describe("safeReturnPath", () => {
  it.each([
    ["/etudiants?q=marie", "/etudiants?q=marie"],
    ["/etudiants?q=marie&acces=actif", "/etudiants?q=marie&acces=actif"],
    ["/etudiants/abc123", "/etudiants/abc123"],
    ["/etudiants/abc123/espace-etudiant", "/etudiants/abc123/espace-etudiant"],
    ["/etudiants/envois/bulk1", "/etudiants/envois/bulk1"],
    ["/etudiants/envois?page=2", "/etudiants/envois?page=2"],
    ["/", "/"],
    [undefined, "/"],
    ["", "/"],
  ])("keeps the staff page %p (none: home)", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    ["https://evil.example/etudiants"],
    ["//evil.example"],
    ["/\\evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/\r/evil.example"],
    ["/\\\t\\evil.example"],
    ["/ /evil.example"],
    ["/\r\nSet-Cookie:x=1"],
    ["/etudiants\r\nSet-Cookie:x=1"],
    ["/%2F%2Fevil.example"],
    ["/%09/evil.example"],
    ["/@evil.example"],
    ["/etudiants/../api/auth/signout"],
    ["/etudiants/%2e%2e/connexion"],
    ["etudiants"],
    ["javascript:alert(1)"],
    ["/connexion"],
    ["/connexion?retour=/etudiants"],
    ["/api/auth/signout"],
    ["/espace-etudiant"],
    ["/activation/abc"],
    ["/etudiants/envois/abc/rapport"],
    ["/etudiants/a.b"],
    [`/etudiants?q=${"a".repeat(3000)}`],
  ])("sends %p to the students list", (input) => {
    expect(safeReturnPath(input)).toBe("/etudiants");
  });

  it("never returns a path a browser would read as another origin", () => {
    const hostile = ["/\t/evil.example", "/\\/evil.example", "/\u000b/evil.example", "/\u2028/evil.example", "/%5C/evil.example"];
    for (const value of hostile) {
      const target = new URL(safeReturnPath(value), "https://sesame.example.org");
      expect(target.origin).toBe("https://sesame.example.org");
    }
  });
});

describe("the paths users see", () => {
  it("builds the staff app's addresses", () => {
    expect(studentPath("abc123")).toBe("/etudiants/abc123");
    expect(studentPortalPath("abc123")).toBe("/etudiants/abc123/espace-etudiant");
    expect(bulkSendPath("bulk1")).toBe("/etudiants/envois/bulk1");
    expect(bulkSendReportPath("bulk1")).toBe("/etudiants/envois/bulk1/rapport");
    expect(signInPath()).toBe("/connexion");
    expect(signInPath("/etudiants?q=marie")).toBe("/connexion?retour=%2Fetudiants%3Fq%3Dmarie");
  });

  it("lets a sign-in return to every staff page it builds", () => {
    for (const path of [studentPath("abc123"), studentPortalPath("abc123"), bulkSendPath("bulk1")]) {
      expect(safeReturnPath(path)).toBe(path);
      expect(isStaffPath(path)).toBe(true);
    }
  });

  it.each(["/", "/connexion", "/espace-etudiant", "/espace-etudiant/connexion", "/activation/abc", "/etudiantsx"])(
    "does not count %p as a staff page",
    (path) => {
      expect(isStaffPath(path)).toBe(false);
    },
  );

  it("builds the portal's addresses", () => {
    expect(PORTAL_HOME_PATH).toBe("/espace-etudiant");
    expect(PORTAL_SIGN_IN_PATH).toBe("/espace-etudiant/connexion");
    expect(PORTAL_FORGOT_PASSWORD_PATH).toBe("/espace-etudiant/mot-de-passe-oublie");
    expect(portalHomePath()).toBe("/espace-etudiant");
    expect(portalHomePath({ welcome: "activation" })).toBe("/espace-etudiant?bienvenue=1");
    expect(portalHomePath({ welcome: "reset" })).toBe("/espace-etudiant?bienvenue=nouveau-mot-de-passe");
    expect(portalSignInPath()).toBe("/espace-etudiant/connexion");
    expect(portalSignInPath({ expired: true })).toBe("/espace-etudiant/connexion?session=expiree");
    expect(portalSignInPath({ email: "zoé+1@exemple.fr" })).toBe("/espace-etudiant/connexion?email=zo%C3%A9%2B1%40exemple.fr");
    expect(activationPath("tok_en-1")).toBe("/activation/tok_en-1");
  });

  it("reads back what the portal's paths carry", () => {
    expect(readPortalSignInParams(searchParamsOf(portalSignInPath({ email: "zoé+1@exemple.fr" })))).toEqual({
      email: "zoé+1@exemple.fr",
      expired: false,
    });
    expect(readPortalSignInParams(searchParamsOf(portalSignInPath({ expired: true })))).toEqual({ email: "", expired: true });
    expect(readPortalSignInParams({})).toEqual({ email: "", expired: false });
    expect(readPortalHomeParams(searchParamsOf(portalHomePath({ welcome: "activation" })))).toEqual({ welcome: "activation" });
    expect(readPortalHomeParams(searchParamsOf(portalHomePath({ welcome: "reset" })))).toEqual({ welcome: "reset" });
    expect(readPortalHomeParams(searchParamsOf(portalHomePath()))).toEqual({ welcome: null });
    expect(withoutWelcome("https://sesame.example.org/espace-etudiant?bienvenue=1#contenu").href).toBe(
      "https://sesame.example.org/espace-etudiant#contenu",
    );
  });

  it("keeps a repeated or oversized address out of the sign-in form", () => {
    expect(readPortalSignInParams({ email: ["a@exemple.fr", "b@exemple.fr"] }).email).toBe("");
    expect(readPortalSignInParams({ email: "a".repeat(300) }).email).toHaveLength(254);
    expect(readPortalSignInParams({ session: ["expiree"] }).expired).toBe(false);
  });
});

describe("« Envois »", () => {
  it("builds the list's path with its page and reads it back", () => {
    expect(bulkSendsPath()).toBe("/etudiants/envois");
    expect(bulkSendsPath(1)).toBe("/etudiants/envois");
    expect(bulkSendsPath(3)).toBe("/etudiants/envois?page=3");
    expect(readBulkSendsParams(searchParamsOf(bulkSendsPath(3)))).toEqual({ page: 3 });
    expect(readBulkSendsParams({})).toEqual({ page: 1 });
    expect(readBulkSendsParams({ page: "abc" })).toEqual({ page: 1 });
    expect(readBulkSendsParams({ page: ["2", "3"] })).toEqual({ page: 1 });
    expect(readBulkSendsParams({ page: "0" })).toEqual({ page: 1 });
  });
});
