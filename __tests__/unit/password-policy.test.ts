import { checkPassword, personalWords } from "@/lib/access/password-policy";

const helene = { names: ["Hélène", "Lefèvre-Martin"], email: "helene.lefevre@eleves.sesame.test" };

describe("checkPassword", () => {
  it("accepts a long passphrase without composition rules", () => {
    expect(checkPassword("cheval agrafe batterie correcte", helene)).toEqual({ problems: [], score: 4 });
    expect(checkPassword("mon vélo bleu dort au grenier", helene).problems).toEqual([]);
  });

  it("refuses fewer than 12 characters, counting accents and emoji as one", () => {
    expect(checkPassword("Tr0ub4dor&3", helene).problems).toEqual(["too_short"]);
    expect(checkPassword("éééééééééé🙂", helene).problems).toContain("too_short");
  });

  it("refuses common and predictable passwords", () => {
    for (const password of ["motdepasse123", "azertyuiop12", "123456789012", "Password1234", "bonjour123456"]) {
      expect(checkPassword(password, helene).problems).toContain("too_common");
    }
  });

  it("refuses a password containing the person's name or email, whatever the case and accents", () => {
    expect(checkPassword("HELENE-est-la-meilleure-2026", helene).problems).toContain("contains_personal");
    expect(checkPassword("jaime-les-lefevre-du-nord", helene).problems).toContain("contains_personal");
    expect(checkPassword("martin sur la colline verte", helene).problems).toContain("contains_personal");
  });

  it("does not refuse ordinary words for a short name or the email's domain", () => {
    const leo = { names: ["Léo", "Roy"], email: "leo.roy@orange.fr" };
    expect(checkPassword("le léopard royal mange des oranges", leo).problems).toEqual([]);
    expect(checkPassword("bonjour leo du grand chateau", leo).problems).toContain("contains_personal");
    expect(checkPassword("leo2026-chateau-mouton", leo).problems).toContain("contains_personal");
  });

  it("treats names in any alphabet alike, and never refuses because of an odd character in a name", () => {
    const kim = { names: ["Ким", "Øle"], email: null };
    expect(checkPassword("plume orageuse 2026 !", kim).problems).toEqual([]);
    expect(checkPassword("le lapin de ким au jardin", kim).problems).toContain("contains_personal");
    expect(checkPassword("une balle bleue au soleil", kim).problems).toEqual([]);
    expect(checkPassword("bonjour øle, belle journée", kim).problems).toContain("contains_personal");
  });

  it("refuses absurdly long input without spending time on it", () => {
    expect(checkPassword("x".repeat(10_000), helene).problems).toContain("too_long");
  });
});

describe("personalWords", () => {
  it("splits names and the email into words of 3 letters or more", () => {
    expect(personalWords({ names: ["Jean-Baptiste", "N'Diaye"], email: "jb.ndiaye@famille.fr" })).toEqual(
      expect.arrayContaining(["jean", "baptiste", "diaye", "ndiaye", "jb.ndiaye"]),
    );
    expect(personalWords({ names: [], email: "jb.ndiaye@famille.fr" })).not.toContain("famille");
    expect(personalWords({ names: ["Li"], email: null })).toEqual([]);
  });
});
