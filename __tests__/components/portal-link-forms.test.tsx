/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ChoosePasswordForm } from "@/components/portal/choose-password-form";
import { LinkProblem } from "@/components/portal/link-problem";
import { choosePassword, requestNewLink } from "@/lib/actions/portal";
import { renderInFrench } from "./render";

// Server actions are network calls from the browser; here they answer what the server would.
jest.mock("@/lib/actions/portal", () => ({ choosePassword: jest.fn(), requestNewLink: jest.fn() }));
const submit = choosePassword as jest.MockedFunction<typeof choosePassword>;
const request = requestNewLink as jest.MockedFunction<typeof requestNewLink>;

beforeEach(() => jest.clearAllMocks());

describe("LinkProblem", () => {
  it("offers a new link for an expired link, and sends it for the address typed", async () => {
    request.mockResolvedValue({ ok: true, data: null });
    const user = userEvent.setup();
    renderInFrench(<LinkProblem reason="expired" />);
    expect(screen.getByText("Ce lien a expiré : il n'était valable que quelques jours.")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Adresse email"), "lea@lycee.test");
    await user.click(screen.getByRole("button", { name: "Recevoir un nouveau lien" }));
    expect(request).toHaveBeenCalledWith({ email: "lea@lycee.test" });
    expect(await screen.findByRole("status")).toHaveTextContent("Si un accès à l'espace étudiant correspond à cette adresse");
  });

  it("sends someone whose password is already chosen to the sign-in page instead", () => {
    renderInFrench(<LinkProblem reason="password_set" />);
    expect(screen.getByText("Un mot de passe a été choisi depuis l'envoi de ce lien, avec un autre lien.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Se connecter à l'espace étudiant" })).toHaveAttribute("href", "/espace-etudiant/connexion");
    expect(screen.getByRole("link", { name: "Mot de passe oublié ?" })).toHaveAttribute("href", "/espace-etudiant/mot-de-passe-oublie");
    expect(screen.queryByRole("button", { name: "Recevoir un nouveau lien" })).not.toBeInTheDocument();
  });

  it("tells a person whose access is disabled to contact the school, with no form", () => {
    renderInFrench(<LinkProblem reason="disabled" />);
    expect(screen.getByText("Pour le rétablir, contactez le secrétariat de votre établissement.")).toBeInTheDocument();
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
  });

  it("treats a reason it does not know as an unknown link", () => {
    renderInFrench(<LinkProblem reason="<script>" />);
    expect(screen.getByText(/Ce lien n'est pas reconnu/)).toBeInTheDocument();
  });
});

describe("ChoosePasswordForm", () => {
  it("puts the server's reasons next to the field they concern", async () => {
    submit.mockResolvedValue({ ok: false, error: "invalid_input", fieldErrors: { password: ["too_short", "contains_personal"] } });
    const user = userEvent.setup();
    renderInFrench(<ChoosePasswordForm token="t" names={["Léa Martin"]} />);
    const password = screen.getByLabelText("Mot de passe", { selector: "input" });
    await user.type(password, "lea");
    await user.type(screen.getByLabelText("Confirmer le mot de passe"), "lea");
    await user.click(screen.getByRole("button", { name: "Enregistrer mon mot de passe" }));
    expect(submit).toHaveBeenCalledWith({ token: "t", password: "lea", confirmation: "lea" });
    expect(password).toHaveAttribute("aria-invalid", "true");
    expect(password).toHaveAccessibleDescription(expect.stringContaining("Le mot de passe doit contenir au moins 12 caractères."));
    expect(password).toHaveAccessibleDescription(
      expect.stringContaining("Le mot de passe ne doit contenir ni votre nom ni votre adresse email."),
    );
  });

  it("shows and hides both passwords with one toggle", async () => {
    const user = userEvent.setup();
    renderInFrench(<ChoosePasswordForm token="t" names={["Léa Martin"]} />);
    const toggle = screen.getByRole("button", { name: "Afficher les mots de passe" });
    await user.click(toggle);
    expect(screen.getByLabelText("Mot de passe", { selector: "input" })).toHaveAttribute("type", "text");
    expect(screen.getByLabelText("Confirmer le mot de passe")).toHaveAttribute("type", "text");
    expect(screen.getByRole("button", { name: "Masquer les mots de passe" })).toHaveAttribute("aria-pressed", "true");
  });

  it("rates the person's own name as weak in the meter, as the server would", async () => {
    const user = userEvent.setup();
    renderInFrench(<ChoosePasswordForm token="t" names={["Léa Martinez"]} />);
    // Strong for a stranger ("Excellente" without the name), weak for Léa Martinez.
    // Pasted at once, so the meter never rates a shorter prefix.
    await user.click(screen.getByLabelText("Mot de passe", { selector: "input" }));
    await user.paste("martinez plume orageuse");
    expect(await screen.findByText("Solidité : Faible")).toBeInTheDocument();
  });

  it("shows « Faible » for a password the server refused, though the browser rated it better", async () => {
    // The server also checks the full email, which the browser never has.
    submit.mockResolvedValue({ ok: false, error: "invalid_input", fieldErrors: { password: ["too_common"] } });
    const user = userEvent.setup();
    renderInFrench(<ChoosePasswordForm token="t" names={["Léa Martin"]} />);
    await user.click(screen.getByLabelText("Mot de passe", { selector: "input" }));
    await user.paste("cheval agrafe batterie correcte");
    expect(await screen.findByText("Solidité : Excellente")).toBeInTheDocument();
    await user.click(screen.getByLabelText("Confirmer le mot de passe"));
    await user.paste("cheval agrafe batterie correcte");
    await user.click(screen.getByRole("button", { name: "Enregistrer mon mot de passe" }));
    expect(
      await screen.findByText("Ce mot de passe est trop facile à deviner : choisissez une phrase de plusieurs mots."),
    ).toBeInTheDocument();
    expect(screen.getByText("Solidité : Faible")).toBeInTheDocument();
  });

  it("replaces the form by the link's problem when the link died meanwhile", async () => {
    submit.mockResolvedValue({ ok: false, error: "link_unusable", reason: "used" });
    const user = userEvent.setup();
    renderInFrench(<ChoosePasswordForm token="t" names={["Léa Martin"]} />);
    await user.type(screen.getByLabelText("Mot de passe", { selector: "input" }), "une phrase assez longue");
    await user.type(screen.getByLabelText("Confirmer le mot de passe"), "une phrase assez longue");
    await user.click(screen.getByRole("button", { name: "Enregistrer mon mot de passe" }));
    expect(await screen.findByRole("heading", { name: "Ce lien ne fonctionne plus" })).toBeInTheDocument();
    expect(screen.getByText("Ce lien a déjà servi : le mot de passe a été choisi.")).toBeInTheDocument();
  });
});
