/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PersonAccessSection } from "@/components/access/person-access-section";
import type { PersonAccessView } from "@/lib/data/access-overview";
import { renderInFrench } from "./render";

jest.mock("@/lib/actions/access", () => ({
  enableAccess: jest.fn(),
  disableAccess: jest.fn(),
  resendActivation: jest.fn(),
  sendReminder: jest.fn(),
  changeEmail: jest.fn(),
  getAccessHistory: jest.fn(),
  findAddressSharers: jest.fn(),
}));

const invited: PersonAccessView = {
  ref: { studentId: "stu1" },
  kind: "student",
  firstName: "Hélène",
  lastName: "Dupont",
  relationship: null,
  email: "helene.dupont@eleves.test",
  locale: "fr",
  emailStatus: "valid",
  state: "invited",
  enabledAt: "2026-11-20T09:00:00.000Z",
  activatedAt: null,
  lastSignInAt: null,
  disabledAt: null,
  disabledBy: null,
  linkExpiresAt: "2026-11-30T09:00:00.000Z",
  lastEmail: null,
  sharedWith: [],
};

describe("PersonAccessSection", () => {
  it("puts « Relancer » before « Désactiver l'accès », and names the link's validity plainly", () => {
    renderInFrench(<PersonAccessSection view={invited} staffEmail="secretariat@lycee.test" canEdit />);
    const card = screen.getByRole("region", { name: /Hélène Dupont/ });
    const buttons = within(card)
      .getAllByRole("button")
      .map((button) => button.textContent);
    expect(buttons.indexOf("Relancer")).toBe(0);
    expect(buttons.indexOf("Relancer")).toBeLessThan(buttons.indexOf("Désactiver l'accès"));
    expect(card).toHaveTextContent(/Lien d'activationValable jusqu'au/);
    expect(card).not.toHaveTextContent("État");
  });

  it("says « Aussi parent d'Anaïs Martin » under a parent of several children", () => {
    const mother: PersonAccessView = { ...invited, kind: "guardian", ref: { studentId: "stu1", guardianId: "g1" }, relationship: "mother" };
    const family = { studentName: "Hélène Dupont", otherChildren: [{ id: "stu2", firstName: "Anaïs", lastName: "Martin" }] };
    renderInFrench(<PersonAccessSection view={mother} staffEmail="secretariat@lycee.test" canEdit family={family} />);
    expect(screen.getByText(/Aussi parent/)).toHaveTextContent("Aussi parent d'Anaïs Martin");
    expect(screen.getByRole("link", { name: "Anaïs Martin" })).toHaveAttribute("href", "/etudiants/stu2");
  });

  it("asks « Désactiver l'accès d'Hélène Dupont ? »", async () => {
    const user = userEvent.setup();
    renderInFrench(<PersonAccessSection view={invited} staffEmail="secretariat@lycee.test" canEdit />);
    await user.click(screen.getByRole("button", { name: "Désactiver l'accès" }));
    expect(await screen.findByRole("alertdialog", { name: "Désactiver l'accès d'Hélène Dupont ?" })).toBeInTheDocument();
  });
});
