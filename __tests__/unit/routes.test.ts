import { safeReturnPath } from "@/lib/routes";

describe("safeReturnPath", () => {
  it.each([
    ["/etudiants?q=marie", "/etudiants?q=marie"],
    ["/etudiants/abc123/espace-etudiant", "/etudiants/abc123/espace-etudiant"],
    [undefined, "/"],
    ["", "/"],
    ["https://evil.example/etudiants", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["etudiants", "/"],
    ["/connexion", "/"],
    ["/connexion?retour=/etudiants", "/"],
    ["/api/auth/signout", "/"],
    [`/${"a".repeat(3000)}`, "/"],
  ])("%p → %p", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
