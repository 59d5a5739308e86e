import { IntlMessageFormat } from "intl-messageformat";
import { elided, elision } from "@/lib/i18n/elision";
import messages from "@/messages/fr.json";

describe("elision", () => {
  it("elides before a vowel, y or a mute h, accents and case aside", () => {
    for (const word of ["Anaïs", "École Sainte-Élisabeth", "Hélène Dupont", "Œdipe", "Yasmine", "île", "  Ugo", "Émile"]) {
      expect(elision(word)).toBe("elided");
    }
  });

  it("keeps « de » before a consonant, a digit or nothing", () => {
    for (const word of ["Marc Dupont", "Lycée Victor-Hugo", "Çedric", "3e B", "", null, undefined]) {
      expect(elision(word)).toBe("other");
    }
  });

  it("gives a message its name and the select value", () => {
    expect(elided("Hélène")).toEqual({ name: "Hélène", elision: "elided" });
    expect(elided("Lycée Monod", "school")).toEqual({ school: "Lycée Monod", elision: "other" });
  });

  it("makes the catalog's messages read « d'Hélène » and « de Marc »", () => {
    const format = (message: string, values: Record<string, string>) => new IntlMessageFormat(message, "fr").format(values);
    expect(format(messages.access.enableDialog.title, elided("Hélène Dupont"))).toBe("Activer l'accès d'Hélène Dupont ?");
    expect(format(messages.access.disableDialog.title, elided("Marc Dupont"))).toBe("Désactiver l'accès de Marc Dupont ?");
    expect(format(messages.students.previewOf, elided("Anaïs"))).toBe("Aperçu d'Anaïs");
    expect(format(messages.activation.for, elided("École Sainte-Élisabeth", "school"))).toBe("Espace étudiant d'École Sainte-Élisabeth");
  });
});
