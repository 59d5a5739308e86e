/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DisableAccessDialog, EnableAccessDialog, ResendActivationDialog, type AccessPerson } from "@/components/access/access-dialogs";
import { NoticeProvider } from "@/components/ui/notice";
import { disableAccess, enableAccess, findAddressSharers, resendActivation } from "@/lib/actions/access";
import { renderInFrench } from "./render";

// Server actions are network calls from the browser; here they answer what the server would.
jest.mock("@/lib/actions/access", () => ({
  enableAccess: jest.fn(),
  disableAccess: jest.fn(),
  resendActivation: jest.fn(),
  findAddressSharers: jest.fn(),
}));
const resend = resendActivation as jest.MockedFunction<typeof resendActivation>;
const enable = enableAccess as jest.MockedFunction<typeof enableAccess>;
const disable = disableAccess as jest.MockedFunction<typeof disableAccess>;
const sharers = findAddressSharers as jest.MockedFunction<typeof findAddressSharers>;

const person: AccessPerson = {
  ref: { studentId: "stu1", guardianId: "par1" },
  name: "Sophie Dupont",
  email: "sophie@famille.test",
  state: "none",
  hasPassword: false,
};

function renderWithNotice(ui: React.ReactElement) {
  return renderInFrench(<NoticeProvider closeLabel="Fermer">{ui}</NoticeProvider>);
}

beforeEach(() => {
  jest.clearAllMocks();
  sharers.mockResolvedValue({ ok: true, data: [] });
});

describe("ResendActivationDialog", () => {
  it("says the access will be enabled, sends with the copy switch on, and confirms", async () => {
    resend.mockResolvedValue({ ok: true, data: { state: "invited", emailQueued: true } });
    const onOpenChange = jest.fn();
    const user = userEvent.setup();
    renderWithNotice(<ResendActivationDialog person={person} staffEmail="secretariat@sesame.test" open onOpenChange={onOpenChange} />);
    const dialog = screen.getByRole("alertdialog", { name: "Renvoyer l'email d'activation ?" });
    expect(dialog).toHaveTextContent("Un nouveau lien pour choisir un mot de passe sera envoyé à Sophie Dupont (sophie@famille.test).");
    expect(dialog).toHaveTextContent("L'accès sera activé.");
    expect(dialog).toHaveTextContent("Une copie de l'email sera envoyée à secretariat@sesame.test, dans votre langue");
    const copy = screen.getByRole("switch", { name: "Recevoir une copie de l'email" });
    expect(copy).not.toBeChecked();
    await user.click(copy);
    await user.click(screen.getByRole("button", { name: "Envoyer l'email" }));
    expect(resend).toHaveBeenCalledWith({ studentId: "stu1", guardianId: "par1", copyToStaff: true });
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(await screen.findByRole("status")).toHaveTextContent(
      "Email d'activation envoyé à sophie@famille.test, avec une copie pour vous.",
    );
  });

  it("asks who shares the address before enabling from the list, and says it", async () => {
    sharers.mockResolvedValue({
      ok: true,
      data: [{ kind: "guardian", name: "Marc Dupont", children: ["Lucas Dupont"], holdsSignIn: true }],
    });
    renderWithNotice(<ResendActivationDialog person={person} staffEmail="s@x.fr" open onOpenChange={() => {}} />);
    expect(await screen.findByRole("note", { name: "Adresse partagée" })).toHaveTextContent(
      "Cette adresse ouvre déjà l'espace étudiant de Marc Dupont (parent de Lucas Dupont).",
    );
    expect(sharers).toHaveBeenCalledWith({ studentId: "stu1", guardianId: "par1" });
  });

  it("does not ask again when the page knows, nor for an access already enabled", () => {
    renderWithNotice(<ResendActivationDialog person={{ ...person, sharedWith: [] }} staffEmail="s@x.fr" open onOpenChange={() => {}} />);
    renderWithNotice(<ResendActivationDialog person={{ ...person, state: "invited" }} staffEmail="s@x.fr" open onOpenChange={() => {}} />);
    expect(sharers).not.toHaveBeenCalled();
  });

  it("tells an active person's staff that the link resets the password", () => {
    renderWithNotice(<ResendActivationDialog person={{ ...person, state: "active" }} staffEmail="s@x.fr" open onOpenChange={() => {}} />);
    expect(screen.getByRole("alertdialog")).toHaveTextContent(
      "Sophie Dupont a déjà choisi un mot de passe : ce lien lui permettra d'en choisir un nouveau.",
    );
    expect(screen.getByRole("alertdialog")).not.toHaveTextContent("L'accès sera activé.");
  });

  it("keeps the dialog open with a French error when the server refuses", async () => {
    resend.mockResolvedValue({ ok: false, error: "access_disabled" });
    const onOpenChange = jest.fn();
    const user = userEvent.setup();
    renderWithNotice(<ResendActivationDialog person={person} staffEmail="s@x.fr" open onOpenChange={onOpenChange} />);
    await user.click(screen.getByRole("button", { name: "Envoyer l'email" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "L'accès est désactivé : réactivez-le avant d'envoyer un email d'activation.",
    );
    expect(onOpenChange).not.toHaveBeenCalledWith(false);
  });

  it("says the database is busy, not that the server does not answer, and lets staff retry", async () => {
    resend.mockResolvedValueOnce({ ok: false, error: "database_busy" });
    resend.mockResolvedValueOnce({ ok: true, data: { state: "invited", emailQueued: true } });
    const onOpenChange = jest.fn();
    const user = userEvent.setup();
    renderWithNotice(<ResendActivationDialog person={person} staffEmail="s@x.fr" open onOpenChange={onOpenChange} />);
    await user.click(screen.getByRole("button", { name: "Envoyer l'email" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("La base de données est occupée, réessayez dans un instant.");
    expect(screen.queryByText(/Le serveur ne répond pas/)).toBeNull();
    await user.click(screen.getByRole("button", { name: "Envoyer l'email" }));
    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
  });

  it("cancels without calling the server", async () => {
    const onOpenChange = jest.fn();
    renderWithNotice(<ResendActivationDialog person={person} staffEmail="s@x.fr" open onOpenChange={onOpenChange} />);
    await userEvent.setup().click(screen.getByRole("button", { name: "Annuler" }));
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(resend).not.toHaveBeenCalled();
  });
});

describe("EnableAccessDialog and DisableAccessDialog", () => {
  it("announces the activation email only when no password was chosen", async () => {
    enable.mockResolvedValue({ ok: true, data: { state: "invited", emailQueued: true } });
    renderWithNotice(<EnableAccessDialog person={person} open onOpenChange={() => {}} />);
    expect(screen.getByRole("alertdialog", { name: "Activer l'accès de Sophie Dupont ?" })).toHaveTextContent(
      "Un email d'activation lui sera envoyé maintenant",
    );
    await userEvent.setup().click(screen.getByRole("button", { name: "Activer l'accès" }));
    expect(enable).toHaveBeenCalledWith({ studentId: "stu1", guardianId: "par1" });
    expect(await screen.findByRole("status")).toHaveTextContent("Accès activé. L'email d'activation part vers sophie@famille.test.");
  });

  it("re-enables with the current password, without email", () => {
    renderWithNotice(<EnableAccessDialog person={{ ...person, state: "disabled", hasPassword: true }} open onOpenChange={() => {}} />);
    expect(screen.getByRole("alertdialog")).toHaveTextContent("avec son mot de passe actuel. Aucun email ne sera envoyé.");
  });

  it("explains what deactivation does", async () => {
    disable.mockResolvedValue({ ok: true, data: { state: "disabled", emailQueued: false } });
    renderWithNotice(<DisableAccessDialog person={{ ...person, state: "active" }} open onOpenChange={() => {}} />);
    expect(screen.getByRole("alertdialog", { name: "Désactiver l'accès de Sophie Dupont ?" })).toHaveTextContent(
      "toute session ouverte sera fermée",
    );
    await userEvent.setup().click(screen.getByRole("button", { name: "Désactiver l'accès" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Accès désactivé.");
  });
});

describe("double clicks", () => {
  it("call the server once", async () => {
    let finish: (value: Awaited<ReturnType<typeof resendActivation>>) => void = () => {};
    resend.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    renderWithNotice(<ResendActivationDialog person={person} staffEmail="s@x.fr" open onOpenChange={() => {}} />);
    const button = screen.getByRole("button", { name: "Envoyer l'email" });
    await userEvent.setup().dblClick(button);
    finish({ ok: true, data: { state: "invited", emailQueued: true } });
    expect(await screen.findByText(/Email d'activation envoyé/)).toBeInTheDocument();
    expect(resend).toHaveBeenCalledTimes(1);
  });
});
