import { emailStatus, isValidEmail } from "@/lib/access/email-address";

describe("emailStatus", () => {
  it.each([
    [null, "missing"],
    ["", "missing"],
    ["   ", "missing"],
    ["marie.dupont@eleves.sesame.test", "valid"],
    [" marie@exemple.fr ", "valid"],
    ["emma.faure@@eleves.sesame", "invalid"],
    ["pas-une-adresse", "invalid"],
    ["a@b", "invalid"],
  ])("%p is %s", (email, status) => {
    expect(emailStatus(email)).toBe(status);
  });
});

describe("isValidEmail (RFC 5321 limits)", () => {
  const local64 = "a".repeat(64);
  it.each([
    [`${local64}@exemple.fr`, true],
    [`${local64}a@exemple.fr`, false],
    [`marie@${"d".repeat(63)}.fr`, true],
    [`marie@${"d".repeat(64)}.fr`, false],
    [`marie@${Array(5).fill("d".repeat(60)).join(".")}.fr`, false],
    ["Marie <marie@exemple.fr>", false],
    ["marie@[127.0.0.1]", false],
    ["marie@localhost", false],
    ["élève@exemple.fr", false],
    ["marie.dupont+parents@exemple.fr", true],
    ["marie@exemple.fr\n", false],
  ])("%p → %p", (email, valid) => {
    expect(isValidEmail(email)).toBe(valid);
  });
});
