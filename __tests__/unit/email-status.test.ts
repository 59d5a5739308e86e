import { emailStatus } from "@/lib/validation/email";

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
