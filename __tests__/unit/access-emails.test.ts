import { EMAIL_PURPOSES } from "@/emails/_components/access-email-layout";
import { senderOf } from "@/lib/mail/outbox";
import { formatExpiry, renderActivationEmail, renderActivationEmailFully, type ActivationEmailProps } from "@/lib/mail/render";

const base: ActivationEmailProps = {
  purpose: "invitation",
  locale: "fr",
  schoolName: "Lycée Victor-Hugo",
  recipientName: "Hélène Lefèvre",
  studentNames: [] as string[],
  activationUrl: "https://sesame.ecole.fr/activation/AbC_123-xyz",
  expiresAt: formatExpiry(new Date("2026-12-02T13:05:00Z"), "fr", "Europe/Paris"),
  signInUrl: "https://sesame.ecole.fr/espace-etudiant/connexion",
};

/** The text without its addresses (the link's path says "activation" whatever the email is for). */
const wording = (text: string) => text.replace(/https?:\/\/\S+/g, "");

describe("activation email", () => {
  it("greets the student, links to the activation page, gives the expiry and the fallback", async () => {
    const email = await renderActivationEmail(base);
    expect(email.subject).toBe("Votre accès à l'espace étudiant — Lycée Victor-Hugo");
    expect(email.html).toContain('lang="fr"');
    expect(email.html).toContain('href="https://sesame.ecole.fr/activation/AbC_123-xyz"');
    expect(email.html).toContain("Choisir mon mot de passe");
    expect(email.text).toContain("Bonjour Hélène Lefèvre,");
    expect(email.text).toContain("Votre accès à l'espace étudiant (Lycée Victor-Hugo) est prêt.");
    expect(email.text).toContain("valable jusqu'au 2 décembre 2026 à 14:05");
    expect(email.text).toContain("remplace tout lien envoyé auparavant");
    expect(email.text).toContain("Vous n'attendiez pas cet email ?");
    expect(email.text.match(/https:\/\/sesame\.ecole\.fr\/activation\/AbC_123-xyz/g)?.length).toBeGreaterThanOrEqual(2);
    expect(email.text).not.toContain("<");
    expect(email.html).toContain('href="https://sesame.ecole.fr/espace-etudiant/connexion"');
    expect(email.text).toContain("pour vous connecter à l'espace étudiant avec votre adresse email et votre mot de passe");
  });

  it("names the students a parent follows", async () => {
    const email = await renderActivationEmail({
      ...base,
      recipientName: "Sophie Dupont",
      studentNames: ["Marie Dupont", "Lucas Dupont", "Zoé Dupont"],
    });
    expect(email.text).toContain("suivre la scolarité de Marie Dupont, Lucas Dupont et Zoé Dupont");
  });

  it("elides « de » before a child's name that starts with a vowel or a mute h, in every purpose", async () => {
    for (const purpose of EMAIL_PURPOSES) {
      const email = await renderActivationEmail({ ...base, purpose, studentNames: ["Émile Dupont", "Hugo Dupont"] });
      expect(email.text).toContain("la scolarité d'Émile Dupont et Hugo Dupont");
      expect(email.text).not.toContain("de Émile");
    }
  });

  it("marks the staff member's copy and says whose email it copies", async () => {
    const email = await renderActivationEmail({ ...base, copyOf: { name: "Hélène Lefèvre", email: "helene@eleves.fr" } });
    expect(email.subject).toBe("[Copie] Votre accès à l'espace étudiant — Lycée Victor-Hugo");
    expect(email.text).toContain("Copie pour information de l'email envoyé à Hélène Lefèvre (helene@eleves.fr).");
  });

  it("escapes names, so data cannot inject markup", async () => {
    const email = await renderActivationEmail({ ...base, recipientName: '<img src=x onerror="alert(1)">' });
    expect(email.html).not.toContain("<img src=x");
    expect(email.html).toContain("&lt;img");
  });
});

describe("the email of each purpose", () => {
  it("reminds a person who has not activated yet", async () => {
    const email = await renderActivationEmail({ ...base, purpose: "reminder" });
    expect(email.subject).toBe("Rappel : activez votre accès à l'espace étudiant — Lycée Victor-Hugo");
    expect(email.text).toContain("Bonjour Hélène Lefèvre,");
    expect(email.text).toContain("Vous n'avez pas encore activé votre accès à l'espace étudiant (Lycée Victor-Hugo).");
    expect(email.html).toContain('href="https://sesame.ecole.fr/activation/AbC_123-xyz"');
    expect(email.text).toContain("https://sesame.ecole.fr/espace-etudiant/connexion");
  });

  it("gives a new password to an active person when staff send it, never speaking of activation", async () => {
    const email = await renderActivationEmail({ ...base, purpose: "staff_reset", studentNames: ["Lucas Dupont"] });
    expect(email.subject).toBe("Choisissez un nouveau mot de passe — Lycée Victor-Hugo");
    expect(email.text).toContain("Bonjour Hélène Lefèvre,");
    expect(email.text).toContain("vous envoie ce lien pour choisir un nouveau mot de passe");
    expect(email.text).toContain("où vous suivez la scolarité de Lucas Dupont");
    expect(email.text).toContain("Votre mot de passe actuel reste valable");
    expect(email.html).toContain("Choisir un nouveau mot de passe");
    expect(email.html).toContain('href="https://sesame.ecole.fr/activation/AbC_123-xyz"');
    expect(email.text).toContain("https://sesame.ecole.fr/espace-etudiant/connexion");
    expect(wording(email.text)).not.toMatch(/activ/i);
    expect(wording(email.subject)).not.toMatch(/activ/i);
  });

  it("answers « Mot de passe oublié ? » as asked by the person, never speaking of activation", async () => {
    const email = await renderActivationEmail({ ...base, purpose: "self_reset" });
    expect(email.subject).toBe("Votre demande de nouveau mot de passe — Lycée Victor-Hugo");
    expect(email.text).toContain("Bonjour Hélène Lefèvre,");
    expect(email.text).toContain("Vous avez demandé à choisir un nouveau mot de passe pour l'espace étudiant (Lycée Victor-Hugo).");
    expect(email.text).toContain("Si ce n'est pas vous, ignorez cet email : votre mot de passe ne changera pas.");
    expect(email.html).toContain('href="https://sesame.ecole.fr/activation/AbC_123-xyz"');
    expect(email.text).toContain("https://sesame.ecole.fr/espace-etudiant/connexion");
    expect(wording(email.text)).not.toMatch(/activ/i);
    expect(wording(email.subject)).not.toMatch(/activ/i);
  });

  it.each(EMAIL_PURPOSES)("copies the %s email to staff, marked as a copy", async (purpose) => {
    const original = await renderActivationEmail({ ...base, purpose });
    const copy = await renderActivationEmail({ ...base, purpose, copyOf: { name: "Hélène Lefèvre", email: "helene@eleves.fr" } });
    expect(copy.subject).toBe(`[Copie] ${original.subject}`);
    expect(copy.text).toContain("Copie pour information de l'email envoyé à Hélène Lefèvre (helene@eleves.fr).");
  });

  it("comes from the school via Sésame, at MAIL_FROM's address", () => {
    expect(senderOf('"Sésame" <noreply@lycee.fr>', "Lycée Victor-Hugo")).toEqual({
      name: "Lycée Victor-Hugo via Sésame",
      address: "noreply@lycee.fr",
    });
    expect(senderOf("noreply@lycee.fr", "Lycée Victor-Hugo")).toEqual({
      name: "Lycée Victor-Hugo via Sésame",
      address: "noreply@lycee.fr",
    });
    expect(senderOf("noreply@lycee.fr", null)).toBe("noreply@lycee.fr");
  });
});

describe("the email in English", () => {
  const english: ActivationEmailProps = {
    ...base,
    locale: "en",
    expiresAt: formatExpiry(new Date("2026-12-02T13:05:00Z"), "en", "Europe/Paris"),
  };

  it("speaks English to an English-speaking recipient: subject, lang, words and date", async () => {
    const email = await renderActivationEmail({
      ...english,
      recipientName: "Sophie Martin",
      studentNames: ["Anaïs Martin", "Hugo Martin", "Léa Martin"],
    });
    expect(email.subject).toBe("Your student portal access — Lycée Victor-Hugo");
    expect(email.html).toContain('lang="en"');
    expect(email.html).toContain("Choose your password");
    expect(email.text).toContain("Hello Sophie Martin,");
    expect(email.text).toContain("it lets you follow the school life of Anaïs Martin, Hugo Martin and Léa Martin.");
    expect(email.text).toContain("This link is valid until 2 December 2026 at 14:05.");
    expect(email.text).not.toMatch(/Bonjour|valable|décembre| et /);
  });

  it.each(EMAIL_PURPOSES)("gives the %s email an English subject, and « [Copy] » on the staff member's copy", async (purpose) => {
    const original = await renderActivationEmail({ ...english, purpose });
    const copy = await renderActivationEmail({ ...english, purpose, copyOf: { name: "Hélène Lefèvre", email: "helene@eleves.fr" } });
    expect(original.subject).toMatch(/ — Lycée Victor-Hugo$/);
    expect(original.subject).not.toMatch(/Votre|Rappel|Choisissez/);
    expect(copy.subject).toBe(`[Copy] ${original.subject}`);
    expect(copy.text).toContain("this is a copy of the email sent to Hélène Lefèvre (helene@eleves.fr).");
  });
});

describe("the link's expiry", () => {
  const date = new Date("2026-07-01T22:30:00Z");

  it("is written in the recipient's language on the school's clock", () => {
    expect(formatExpiry(date, "fr", "Europe/Paris")).toBe("2 juillet 2026 à 00:30");
    expect(formatExpiry(date, "en", "Europe/Paris")).toBe("2 July 2026 at 00:30");
    expect(formatExpiry(date, "fr", "America/Martinique")).toBe("1 juillet 2026 à 18:30");
    expect(formatExpiry(date, "en", "Indian/Reunion")).toBe("2 July 2026 at 02:30");
  });
});

describe("activation email from its pre-rendered template", () => {
  // The bulk send fills a template rendered once per school; what leaves must be exactly what a full
  // render of the same recipient gives, whatever the names hold.
  const names = [
    "Hélène Lefèvre",
    "Jean-Baptiste N'Diaye",
    '<img src=x onerror="alert(1)">',
    "Tom & Jerry <b>« Ünïcødé »</b>",
    "Zoë\u00a0Ébrard-D’Alembert",
    "李小龍",
    "",
    "A".repeat(300),
    "Double  espace",
    " Espace au début",
    "Ligne\ncoupée",
  ];
  const frenchVariants = names.flatMap((name, index) => [
    { ...base, purpose: EMAIL_PURPOSES[index % EMAIL_PURPOSES.length], recipientName: name, studentNames: index % 3 ? [name] : [] },
    {
      ...base,
      purpose: EMAIL_PURPOSES[(index + 1) % EMAIL_PURPOSES.length],
      recipientName: name,
      copyOf: { name, email: "copie@ecole.fr" },
    },
    { ...base, recipientName: name },
    {
      ...base,
      schoolName: index % 2 ? "École Sainte-Élisabeth" : 'Lycée <Victor> & "Hugo"',
      recipientName: name,
      studentNames: [name, "Marie Dupont"],
    },
    { ...base, recipientName: name, studentNames: [name] },
    { ...base, recipientName: name, copyOf: { name, email: "o'brien+copie@eleves.fr" } },
    {
      ...base,
      recipientName: name,
      activationUrl: `https://sesame.ecole.fr/sous/dossier?x=1&y='2'/activation/${"Zz9_-".repeat(8)}abc`,
      expiresAt: name,
    },
  ]);

  // The same in English, and with the children's names (elided or not in French) in either order.
  const variants = [
    ...frenchVariants,
    ...frenchVariants.map((props) => ({ ...props, locale: "en" as const })),
    ...["Anaïs Martin", "Bruno Martin"].flatMap((first) => [
      { ...base, studentNames: [first, "Hugo Martin"] },
      { ...base, locale: "en" as const, studentNames: [first, "Hugo Martin"] },
    ]),
  ];

  it.each(variants.map((props, index) => [index, props]))("matches a full render byte for byte (%i)", async (_index, props) => {
    expect(await renderActivationEmail(props)).toEqual(await renderActivationEmailFully(props));
  });

  it("takes well under a millisecond per email once the school's template exists", async () => {
    await renderActivationEmail(base);
    const started = performance.now();
    for (let index = 0; index < 1000; index += 1)
      await renderActivationEmail({ ...base, recipientName: `Élève ${index}`, activationUrl: `${base.activationUrl}${index}` });
    expect((performance.now() - started) / 1000).toBeLessThan(0.5);
  });
});
