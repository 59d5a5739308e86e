import { meterScore } from "@/lib/access/password-meter";
import { checkPassword } from "@/lib/access/password-policy";

const helene = { names: ["Hélène", "Lefèvre-Martin"], email: "helene.lefevre@eleves.sesame.test" };

describe("the strength meter and the password rules", () => {
  it("never shows better than « Faible » (1) for a refused password", () => {
    expect(meterScore(4, true)).toBe(1);
    expect(meterScore(0, true)).toBe(0);
    expect(meterScore(3, false)).toBe(3);
  });

  it("agrees with the refusal: every refused password scores 1 or less, every accepted one 3 or more", () => {
    const passwords = [
      "motdepasse123",
      "azertyuiop12",
      "Password1234",
      "bonjour123456",
      "HELENE-est-la-meilleure-2026",
      "Tr0ub4dor&3",
      "cheval agrafe batterie correcte",
      "mon vélo bleu dort au grenier",
    ];
    for (const password of passwords) {
      const { problems, score } = checkPassword(password, helene);
      if (problems.length) expect(score).toBeLessThanOrEqual(1);
      else expect(score).toBeGreaterThanOrEqual(3);
    }
  });
});
