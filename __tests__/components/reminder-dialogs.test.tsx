/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SendReminderDialog, type AccessPerson } from "@/components/access/access-dialogs";
import { PersonMoreMenu } from "@/components/access/person-more-menu";
import { BulkReminderDialog } from "@/components/students/bulk-reminder-dialog";
import { NoticeProvider } from "@/components/ui/notice";
import { sendReminder } from "@/lib/actions/access";
import { previewBulkReminder, startBulkReminder } from "@/lib/actions/bulk";
import { router } from "./navigation-mock";
import { renderInFrench } from "./render";

jest.mock("next/navigation", () => jest.requireActual("./navigation-mock").navigationMock());
// Server actions are network calls from the browser; here they answer what the server would.
jest.mock("@/lib/actions/access", () => ({
  sendReminder: jest.fn(),
  resendActivation: jest.fn(),
  findAddressSharers: jest.fn(),
  getAccessHistory: jest.fn(),
  changeEmail: jest.fn(),
}));
jest.mock("@/lib/actions/bulk", () => ({ startBulkReminder: jest.fn(), previewBulkReminder: jest.fn() }));
const remind = sendReminder as jest.MockedFunction<typeof sendReminder>;
const start = startBulkReminder as jest.MockedFunction<typeof startBulkReminder>;
const preview = previewBulkReminder as jest.MockedFunction<typeof previewBulkReminder>;

const person: AccessPerson = {
  ref: { studentId: "stu1", guardianId: "par1" },
  name: "Sophie Dupont",
  email: "sophie@famille.test",
  state: "expired",
  hasPassword: false,
};

function renderWithNotice(ui: React.ReactElement) {
  return renderInFrench(<NoticeProvider closeLabel="Fermer">{ui}</NoticeProvider>);
}

/** The dialog's count (the notices have a status region of their own). */
const countIn = () => within(screen.getByRole("alertdialog")).getByRole("status");

beforeEach(() => {
  jest.clearAllMocks();
  preview.mockResolvedValue({ ok: true, data: { students: 2, guardians: 3 } });
});

describe("BulkReminderDialog", () => {
  it("offers students, parents or both (both chosen), changed with the arrow keys, and starts the run", async () => {
    start.mockResolvedValue({ ok: true, data: { bulkSendId: "run1", total: 12 } });
    const user = userEvent.setup();
    renderWithNotice(<BulkReminderDialog selection={{ studentIds: ["a", "b"] }} count={2} open onOpenChange={jest.fn()} />);
    const dialog = screen.getByRole("alertdialog", { name: "Relancer les accès non activés" });
    expect(dialog).toHaveTextContent("2 étudiants sélectionnés.");
    const group = within(dialog).getByRole("group", { name: "Relancer" });
    const both = within(group).getByRole("radio", { name: "Les deux" });
    expect(both).toBeChecked();
    expect(both).toHaveAccessibleDescription(
      "Les élèves sélectionnés et leurs parents ; un parent de plusieurs élèves ne reçoit qu'une relance.",
    );
    expect(
      within(group)
        .getAllByRole("radio")
        .map((radio) => radio.getAttribute("value")),
    ).toEqual(["students", "guardians", "both"]);

    // How many each choice reaches, asked once for the selection.
    const count = within(dialog).getByRole("status");
    await waitFor(() => expect(count).toHaveTextContent("5 personnes recevront une relance (2 élèves et 3 parents)."));
    expect(preview).toHaveBeenCalledWith({ selection: { studentIds: ["a", "b"] } });

    // The keyboard moves the choice within the group, as in any radio group.
    both.focus();
    await user.keyboard("{ArrowUp}");
    const parents = within(group).getByRole("radio", { name: "Les parents" });
    expect(parents).toBeChecked();
    expect(parents).toHaveFocus();
    expect(both).not.toBeChecked();
    expect(count).toHaveTextContent("3 parents recevront une relance.");
    expect(preview).toHaveBeenCalledTimes(1);

    await user.click(within(dialog).getByRole("button", { name: "Envoyer les relances" }));
    expect(start).toHaveBeenCalledWith({ selection: { studentIds: ["a", "b"] }, audience: "guardians" });
    await waitFor(() => expect(router.push).toHaveBeenCalledWith("/etudiants/envois/run1"));
  });

  it("waits for the count before it may start, and does not start a run for nobody", async () => {
    let answer!: (value: Awaited<ReturnType<typeof previewBulkReminder>>) => void;
    preview.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const user = userEvent.setup();
    renderWithNotice(<BulkReminderDialog selection={{ studentIds: ["a"] }} count={1} open onOpenChange={jest.fn()} />);
    const send = screen.getByRole("button", { name: "Envoyer les relances" });
    expect(countIn()).toHaveTextContent("Calcul du nombre de relances…");
    expect(send).toBeDisabled();
    answer({ ok: true, data: { students: 1, guardians: 0 } });
    await waitFor(() => expect(countIn()).toHaveTextContent("1 personne recevra une relance."));
    expect(send).toBeEnabled();
    await user.click(screen.getByRole("radio", { name: "Les parents" }));
    expect(countIn()).toHaveTextContent(
      "Personne ne recevra de relance : l'accès d'aucun parent des élèves sélectionnés n'attend d'être activé.",
    );
    expect(send).toBeDisabled();
    await user.click(send);
    expect(start).not.toHaveBeenCalled();
    await user.click(screen.getByRole("radio", { name: "Les élèves" }));
    expect(countIn()).toHaveTextContent("1 élève recevra une relance.");
    expect(send).toBeEnabled();
  });

  it("gives the split only when students and parents are both among those reminded", async () => {
    preview.mockResolvedValue({ ok: true, data: { students: 3, guardians: 0 } });
    renderWithNotice(<BulkReminderDialog selection={{ studentIds: ["a", "b", "c"] }} count={3} open onOpenChange={jest.fn()} />);
    await waitFor(() => expect(countIn()).toHaveTextContent(/^3 personnes recevront une relance\.$/));
  });

  it("counts again each time it opens, showing no earlier count meanwhile", async () => {
    const ui = (open: boolean) => (
      <BulkReminderDialog selection={{ studentIds: ["a", "b"] }} count={2} open={open} onOpenChange={jest.fn()} />
    );
    const { rerender } = renderWithNotice(ui(true));
    await waitFor(() => expect(countIn()).toHaveTextContent("5 personnes recevront une relance (2 élèves et 3 parents)."));
    preview.mockReturnValue(new Promise(() => {}));
    rerender(<NoticeProvider closeLabel="Fermer">{ui(false)}</NoticeProvider>);
    rerender(<NoticeProvider closeLabel="Fermer">{ui(true)}</NoticeProvider>);
    expect(countIn()).toHaveTextContent("Calcul du nombre de relances…");
    expect(screen.getByRole("button", { name: "Envoyer les relances" })).toBeDisabled();
    expect(preview).toHaveBeenCalledTimes(2);
  });

  it("says in French why the count could not be read", async () => {
    preview.mockResolvedValue({ ok: false, error: "too_many_students" });
    renderWithNotice(<BulkReminderDialog selection={{ studentIds: ["a"] }} count={1} open onOpenChange={jest.fn()} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Sélectionnez au plus 10 000 étudiants à la fois.");
    expect(countIn()).toHaveTextContent("");
  });

  it("says in French why the run could not start, and stays open", async () => {
    start.mockResolvedValue({ ok: false, error: "forbidden" });
    const onOpenChange = jest.fn();
    const user = userEvent.setup();
    renderWithNotice(<BulkReminderDialog selection={{ studentIds: ["a"] }} count={1} open onOpenChange={onOpenChange} />);
    await user.click(screen.getByRole("radio", { name: "Les élèves" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Envoyer les relances" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: "Envoyer les relances" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Vous n'avez pas le droit d'effectuer cette action.");
    expect(start).toHaveBeenCalledWith({ selection: { studentIds: ["a"] }, audience: "students" });
    expect(onOpenChange).not.toHaveBeenCalled();
    expect(router.push).not.toHaveBeenCalled();
  });
});

describe("SendReminderDialog", () => {
  it("says the link expired, sends the reminder without a copy unless asked, and confirms", async () => {
    remind.mockResolvedValue({ ok: true, data: { state: "invited", emailQueued: true } });
    const onOpenChange = jest.fn();
    const user = userEvent.setup();
    renderWithNotice(<SendReminderDialog person={person} staffEmail="secretariat@sesame.test" open onOpenChange={onOpenChange} />);
    const dialog = screen.getByRole("alertdialog", { name: "Relancer Sophie Dupont ?" });
    expect(dialog).toHaveTextContent("Le lien envoyé à Sophie Dupont a expiré sans avoir servi.");
    expect(dialog).toHaveTextContent("sophie@famille.test");
    expect(screen.getByRole("switch", { name: "Recevoir une copie de l'email" })).not.toBeChecked();
    await user.click(screen.getByRole("button", { name: "Envoyer la relance" }));
    expect(remind).toHaveBeenCalledWith({ studentId: "stu1", guardianId: "par1", copyToStaff: false });
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(await screen.findByRole("status")).toHaveTextContent("Relance envoyée à sophie@famille.test.");
  });

  it("shows the server's refusal in French", async () => {
    remind.mockResolvedValue({ ok: false, error: "already_active" });
    const user = userEvent.setup();
    renderWithNotice(
      <SendReminderDialog person={{ ...person, state: "invited" }} staffEmail="s@sesame.test" open onOpenChange={jest.fn()} />,
    );
    expect(screen.getByRole("alertdialog")).toHaveTextContent("Sophie Dupont n'a pas encore activé son accès à l'espace étudiant.");
    await user.click(screen.getByRole("button", { name: "Envoyer la relance" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Cette personne a déjà activé son accès : aucune relance n'est nécessaire.");
  });
});

describe("« Plus » menu", () => {
  async function menuItems(state: AccessPerson["state"]) {
    const user = userEvent.setup();
    const view = renderWithNotice(
      <PersonMoreMenu
        person={{ ...person, state }}
        emailStatus="valid"
        staffEmail="s@sesame.test"
        items={["resend", "remind", "history"]}
      />,
    );
    await user.click(screen.getByRole("button", { name: "Plus d'actions pour Sophie Dupont" }));
    const menu = await screen.findByRole("menu");
    const names = within(menu)
      .getAllByRole("menuitem")
      .map((item) => item.textContent);
    view.unmount();
    return names;
  }

  it("offers « Relancer » only while the invitation waits", async () => {
    expect(await menuItems("invited")).toEqual(["Renvoyer l'email d'activation", "Relancer", "Historique"]);
    expect(await menuItems("expired")).toContain("Relancer");
    expect(await menuItems("active")).not.toContain("Relancer");
    expect(await menuItems("disabled")).not.toContain("Relancer");
    expect(await menuItems("none")).not.toContain("Relancer");
  });
});
