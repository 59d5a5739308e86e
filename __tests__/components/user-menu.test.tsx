/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { UserMenu } from "@/components/layout/user-menu";
import { endStaffSession } from "@/lib/actions/staff-session";
import { signOutTo } from "@/lib/auth-client";
import { renderInFrench } from "./render";

// The server ends the session; next-auth then clears the cookie. Here we decide what each answered.
jest.mock("@/lib/auth-client", () => ({ signOutTo: jest.fn() }));
jest.mock("@/lib/actions/staff-session", () => ({ endStaffSession: jest.fn() }));
const mockedSignOut = signOutTo as jest.MockedFunction<typeof signOutTo>;
const mockedEnd = endStaffSession as jest.MockedFunction<typeof endStaffSession>;

beforeEach(() => jest.clearAllMocks());

async function chooseSignOut() {
  const user = userEvent.setup();
  renderInFrench(<UserMenu name="Claire Martin" roleName="Secrétariat" />);
  await user.click(screen.getByRole("button", { name: "Claire Martin — Menu du compte" }));
  await user.click(await screen.findByRole("menuitem", { name: "Se déconnecter" }));
  return user;
}

describe("UserMenu", () => {
  it("announces its menu before the menu's code is loaded, and opens it from the keyboard", async () => {
    const user = userEvent.setup();
    renderInFrench(<UserMenu name="Claire Martin" roleName="Secrétariat" />);
    const button = screen.getByRole("button", { name: "Claire Martin — Menu du compte" });
    expect(button).toHaveAttribute("aria-haspopup", "menu");
    expect(button).toHaveAttribute("aria-expanded", "false");
    await user.tab();
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("menuitem", { name: "Se déconnecter" })).toBeInTheDocument();
    expect(screen.getByText("Secrétariat", { exact: false })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Claire Martin — Menu du compte", hidden: true })).toHaveAttribute("aria-expanded", "true");
  });

  it("opens its menu with ArrowDown on first use, as a loaded menu's trigger does", async () => {
    const user = userEvent.setup();
    renderInFrench(<UserMenu name="Claire Martin" roleName="Secrétariat" />);
    await user.tab();
    await user.keyboard("{ArrowDown}");
    expect(await screen.findByRole("menuitem", { name: "Se déconnecter" })).toBeInTheDocument();
  });

  it("ends the session on the server, then clears the cookie and goes to the sign-in page", async () => {
    mockedEnd.mockResolvedValue({ ok: true, data: null });
    await chooseSignOut();
    await waitFor(() => expect(mockedSignOut).toHaveBeenCalledWith("/connexion"));
    expect(mockedEnd).toHaveBeenCalledTimes(1);
  });

  it("stays signed in and says so when the server could not end the session", async () => {
    mockedEnd.mockResolvedValue({ ok: false, error: "database_busy" });
    await chooseSignOut();
    expect(await screen.findByRole("alert")).toHaveTextContent("La déconnexion n'a pas abouti. Réessayez dans un instant.");
    expect(mockedSignOut).not.toHaveBeenCalled();
  });

  it("says so too when the server does not answer", async () => {
    mockedEnd.mockRejectedValue(new Error("Failed to fetch"));
    await chooseSignOut();
    expect(await screen.findByRole("alert")).toHaveTextContent("La déconnexion n'a pas abouti.");
    expect(mockedSignOut).not.toHaveBeenCalled();
  });
});
