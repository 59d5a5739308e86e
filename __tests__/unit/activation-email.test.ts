import { formatExpiry, renderActivationEmail, renderActivationEmailFully } from "@/lib/mail/render";

const base = {
  schoolName: "Lycée Victor-Hugo",
  recipientName: "Hélène Lefèvre",
  studentNames: [] as string[],
  activationUrl: "https://sesame.ecole.fr/activation/AbC_123-xyz",
  expiresAt: formatExpiry(new Date("2026-12-02T13:05:00Z")),
};

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
  });

  it("names the students a parent follows", async () => {
    const email = await renderActivationEmail({
      ...base,
      recipientName: "Sophie Dupont",
      studentNames: ["Marie Dupont", "Lucas Dupont", "Zoé Dupont"],
    });
    expect(email.text).toContain("suivre la scolarité de Marie Dupont, Lucas Dupont et Zoé Dupont");
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
  const variants = names.flatMap((name, index) => [
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
