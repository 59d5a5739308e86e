/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { EnableAccessDialog, type AccessPerson } from "@/components/access/access-dialogs";
import { PersonAccessSection } from "@/components/access/person-access-section";
import { NoticeProvider } from "@/components/ui/notice";
import { enableAccess } from "@/lib/actions/access";
import type { PersonAccessView } from "@/lib/data/access-overview";
import { renderInFrench } from "./render";

jest.mock("@/lib/actions/access", () => ({
  enableAccess: jest.fn(),
  disableAccess: jest.fn(),
  resendActivation: jest.fn(),
  changeEmail: jest.fn(),
  getAccessHistory: jest.fn(),
  findAddressSharers: jest.fn(),
}));
const enable = enableAccess as jest.MockedFunction<typeof enableAccess>;

const father = { kind: "guardian" as const, name: "Moussa Diallo", children: ["Awa Diallo"], holdsSignIn: false };

const view: PersonAccessView = {
  ref: { studentId: "stu1", guardianId: "mother1" },
  kind: "guardian",
  firstName: "Fatou",
  lastName: "Diallo",
  relationship: "mother",
  email: "famille.diallo@maison.test",
  locale: "fr",
  emailStatus: "valid",
  state: "none",
  enabledAt: null,
  activatedAt: null,
  lastSignInAt: null,
  disabledAt: null,
  disabledBy: null,
  linkExpiresAt: null,
  lastEmail: null,
  sharedWith: [father],
};

const renderWithNotice = (ui: React.ReactElement) => renderInFrench(<NoticeProvider closeLabel="Fermer">{ui}</NoticeProvider>);

beforeEach(() => jest.clearAllMocks());

describe("a shared address on the Espace étudiant page", () => {
  it("says who else uses the address and what enabling means, on the card and in the dialog", async () => {
    const user = userEvent.setup();
    renderWithNotice(<PersonAccessSection view={view} staffEmail="s@x.fr" canEdit />);
    const note = screen.getByRole("note", { name: "Adresse partagée" });
    expect(note).toHaveTextContent("Cette adresse est aussi celle de Moussa Diallo (parent d'Awa Diallo).");
    expect(note).toHaveTextContent(
      "si vous activez l'accès de Fatou Diallo, cette personne ne pourra pas avoir d'accès avec la même adresse",
    );

    await user.click(screen.getByRole("button", { name: "Activer l'accès" }));
    // The dialog's code loads when it is first opened.
    const dialog = await screen.findByRole("alertdialog", { name: "Activer l'accès de Fatou Diallo ?" });
    expect(within(dialog).getByRole("note", { name: "Adresse partagée" })).toHaveTextContent("Moussa Diallo (parent d'Awa Diallo)");
  });

  it("blocks « Activer l'accès » while another account signs in with the address, and offers to change it", () => {
    renderWithNotice(
      <PersonAccessSection view={{ ...view, sharedWith: [{ ...father, holdsSignIn: true }] }} staffEmail="s@x.fr" canEdit />,
    );
    expect(screen.getByRole("button", { name: "Activer l'accès" })).toBeDisabled();
    expect(screen.getByRole("note", { name: "Adresse partagée" })).toHaveTextContent(
      "Cette adresse ouvre déjà l'espace étudiant de Moussa Diallo (parent d'Awa Diallo). Une adresse ne peut ouvrir qu'un seul compte",
    );
    expect(screen.getByRole("button", { name: "Modifier l'email" })).toBeEnabled();
  });

  it("tells the holder's staff that the others cannot use the address, without naming hidden people", () => {
    const hidden = { kind: "student" as const, name: null, children: [], holdsSignIn: false };
    renderWithNotice(
      <PersonAccessSection view={{ ...view, state: "active", sharedWith: [father, hidden] }} staffEmail="s@x.fr" canEdit={false} />,
    );
    const note = screen.getByRole("note", { name: "Adresse partagée" });
    expect(note).toHaveTextContent("Moussa Diallo (parent d'Awa Diallo) ; une personne d'un établissement que vous ne gérez pas");
    expect(note).toHaveTextContent("C'est avec elle que Fatou Diallo se connecte à l'espace étudiant : ces personnes ne pourront pas");
  });

  it("shows no note when nobody shares the address", () => {
    renderWithNotice(<PersonAccessSection view={{ ...view, sharedWith: [] }} staffEmail="s@x.fr" canEdit />);
    expect(screen.queryByRole("note")).not.toBeInTheDocument();
  });

  it("explains in French when the server finds the address taken meanwhile", async () => {
    enable.mockResolvedValue({ ok: false, error: "email_in_use" });
    const user = userEvent.setup();
    const person: AccessPerson = { ref: view.ref, name: "Fatou Diallo", email: view.email, state: "none", hasPassword: false };
    renderWithNotice(<EnableAccessDialog person={person} open onOpenChange={() => {}} />);
    await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Activer l'accès" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Cette adresse ouvre déjà l'espace étudiant d'une autre personne.");
  });
});
