/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { EditEmailDialog } from "@/components/access/edit-email-dialog";
import { NoticeProvider } from "@/components/ui/notice";
import { changeEmail } from "@/lib/actions/access";
import { renderInFrench } from "./render";

// The server action is a network call from the browser; here it answers what the server would.
jest.mock("@/lib/actions/access", () => ({ changeEmail: jest.fn() }));
const change = changeEmail as jest.MockedFunction<typeof changeEmail>;

const parent = {
  ref: { studentId: "stu1", guardianId: "par1" },
  name: "Sophie Dupont",
  email: "sophie@famille.test",
  locale: "fr" as const,
};

function renderDialog(person: Parameters<typeof EditEmailDialog>[0]["person"], onOpenChange = jest.fn()) {
  renderInFrench(
    <NoticeProvider closeLabel="Fermer">
      <EditEmailDialog person={person} open onOpenChange={onOpenChange} />
    </NoticeProvider>,
  );
  return onOpenChange;
}

beforeEach(() => {
  jest.clearAllMocks();
  change.mockResolvedValue({ ok: true, data: { state: "none", emailQueued: false } });
});

describe("EditEmailDialog", () => {
  it("offers « Langue des emails » (Français / English) set to the person's language, and saves it with the address", async () => {
    const user = userEvent.setup();
    const onOpenChange = renderDialog(parent);
    const language = screen.getByRole("combobox", { name: "Langue des emails" });
    expect(language).toHaveValue("fr");
    expect(language).toHaveAccessibleDescription("Les prochains emails lui seront envoyés dans cette langue.");
    expect(screen.getAllByRole("option").map((option) => option.textContent)).toEqual(["Français", "English"]);
    expect(screen.getByRole("option", { name: "English" })).toHaveAttribute("lang", "en");

    await user.selectOptions(language, "English");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(change).toHaveBeenCalledWith({ studentId: "stu1", guardianId: "par1", email: "sophie@famille.test", locale: "en" });
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(await screen.findByRole("status")).toHaveTextContent("Langue des emails enregistrée.");
  });

  it("confirms the address alone when the language stays, and both when both change", async () => {
    const user = userEvent.setup();
    renderDialog({ ...parent, locale: "en" });
    expect(screen.getByRole("combobox", { name: "Langue des emails" })).toHaveValue("en");
    const address = screen.getByRole("textbox", { name: "Adresse email" });
    await user.clear(address);
    await user.type(address, "sophie.dupont@nouveau.test");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(change).toHaveBeenLastCalledWith({ studentId: "stu1", guardianId: "par1", email: "sophie.dupont@nouveau.test", locale: "en" });
    expect(await screen.findByRole("status")).toHaveTextContent("Adresse email enregistrée.");
  });

  it("says both were saved when the address and the language change together", async () => {
    const user = userEvent.setup();
    renderDialog(parent);
    const address = screen.getByRole("textbox", { name: "Adresse email" });
    await user.clear(address);
    await user.type(address, "sophie.dupont@nouveau.test");
    await user.selectOptions(screen.getByRole("combobox", { name: "Langue des emails" }), "en");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(change).toHaveBeenCalledWith({ studentId: "stu1", guardianId: "par1", email: "sophie.dupont@nouveau.test", locale: "en" });
    expect(await screen.findByRole("status")).toHaveTextContent("Adresse email et langue des emails enregistrées.");
  });

  it("leaves the language out where the page does not know it, so saving never resets it", async () => {
    const user = userEvent.setup();
    renderDialog({ ref: parent.ref, name: parent.name, email: parent.email });
    expect(screen.queryByRole("combobox", { name: "Langue des emails" })).not.toBeInTheDocument();
    const address = screen.getByRole("textbox", { name: "Adresse email" });
    await user.clear(address);
    await user.type(address, "autre@famille.test");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(change).toHaveBeenCalledWith({ studentId: "stu1", guardianId: "par1", email: "autre@famille.test" });
  });
});
