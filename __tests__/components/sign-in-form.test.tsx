/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInWithPassword } from "@/lib/auth-client";
import { router } from "./navigation-mock";
import { renderInFrench } from "./render";
import { encodeSignInError } from "@/lib/errors";

jest.mock("next/navigation", () => jest.requireActual("./navigation-mock").navigationMock());
// The client posts to next-auth on the server; here we only decide what the server answered.
jest.mock("@/lib/auth-client", () => ({ signInWithPassword: jest.fn() }));
const mockedSignIn = signInWithPassword as jest.MockedFunction<typeof signInWithPassword>;

beforeEach(() => jest.clearAllMocks());

async function submit(email: string, password: string) {
  const user = userEvent.setup();
  renderInFrench(<SignInForm />);
  if (email) await user.type(screen.getByLabelText("Adresse email"), email);
  if (password) await user.type(screen.getByLabelText("Mot de passe"), password);
  await user.click(screen.getByRole("button", { name: "Se connecter" }));
}

describe("SignInForm", () => {
  it("asks for both fields before calling the server", async () => {
    await submit("direction@sesame.test", "");
    expect(await screen.findByRole("alert")).toHaveTextContent("Renseignez votre adresse email et votre mot de passe.");
    expect(mockedSignIn).not.toHaveBeenCalled();
  });

  it("shows one generic error for wrong credentials", async () => {
    mockedSignIn.mockResolvedValue({ ok: false, error: "CredentialsSignin", status: 401 });
    await submit("direction@sesame.test", "mauvais");
    expect(await screen.findByRole("alert")).toHaveTextContent("Adresse email ou mot de passe incorrect.");
    expect(mockedSignIn).toHaveBeenCalledWith("direction@sesame.test", "mauvais");
    expect(router.replace).not.toHaveBeenCalled();
  });

  it("says how long to wait after too many attempts", async () => {
    mockedSignIn.mockResolvedValue({ ok: false, error: encodeSignInError({ code: "too_many_attempts", minutes: 12 }), status: 401 });
    await submit("direction@sesame.test", "Sesame-demo-2026");
    expect(await screen.findByRole("alert")).toHaveTextContent("Trop de tentatives de connexion. Réessayez dans 12 minutes.");
  });

  it("says the service is unavailable when the request fails", async () => {
    mockedSignIn.mockRejectedValue(new TypeError("Failed to fetch"));
    await submit("direction@sesame.test", "Sesame-demo-2026");
    expect(await screen.findByRole("alert")).toHaveTextContent("La connexion est momentanément impossible.");
    expect(screen.getByRole("button", { name: "Se connecter" })).toBeEnabled();
  });

  it("goes to the home page once signed in", async () => {
    mockedSignIn.mockResolvedValue({ ok: true, error: null, status: 200 });
    await submit("direction@sesame.test", "Sesame-demo-2026");
    expect(router.replace).toHaveBeenCalledWith("/");
  });

  it("returns to the page asked for before signing in", async () => {
    mockedSignIn.mockResolvedValue({ ok: true, error: null, status: 200 });
    const user = userEvent.setup();
    renderInFrench(<SignInForm returnPath="/etudiants?q=marie" />);
    await user.type(screen.getByLabelText("Adresse email"), "direction@sesame.test");
    await user.type(screen.getByLabelText("Mot de passe"), "Sesame-demo-2026");
    await user.click(screen.getByRole("button", { name: "Se connecter" }));
    expect(router.replace).toHaveBeenCalledWith("/etudiants?q=marie");
  });

  it("shows and hides the password", async () => {
    const user = userEvent.setup();
    renderInFrench(<SignInForm />);
    const password = screen.getByLabelText("Mot de passe");
    expect(password).toHaveAttribute("type", "password");
    await user.click(screen.getByRole("button", { name: "Afficher le mot de passe" }));
    expect(password).toHaveAttribute("type", "text");
  });
});
