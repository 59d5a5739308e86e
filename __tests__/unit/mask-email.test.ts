import { maskEmail } from "@/lib/access/mask-email";

describe("maskEmail", () => {
  it.each([
    ["marie.dupont@eleves.fr", "m••••••••••t@eleves.fr"],
    ["jo@x.fr", "••@x.fr"],
    ["a@b.fr", "•@b.fr"],
    ["tres.long.identifiant.de.famille@famille.fr", "t••••••••••e@famille.fr"],
    ["pas-une-adresse", "••••"],
  ])("%s → %s", (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});
