import { safeReturnPath } from "@/lib/routes";

describe("safeReturnPath", () => {
  it.each([
    ["/etudiants?q=marie", "/etudiants?q=marie"],
    ["/etudiants?q=marie&acces=actif", "/etudiants?q=marie&acces=actif"],
    ["/etudiants/abc123", "/etudiants/abc123"],
    ["/etudiants/abc123/espace-etudiant", "/etudiants/abc123/espace-etudiant"],
    ["/etudiants/envois/bulk1", "/etudiants/envois/bulk1"],
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
