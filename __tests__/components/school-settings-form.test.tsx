/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SchoolSettingsForm } from "@/components/school-settings/school-settings-form";
import { NoticeProvider } from "@/components/ui/notice";
import { updateSchoolSettings } from "@/lib/actions/school-settings";
import type { SchoolSettingsView } from "@/lib/data/school-settings";
import { renderInFrench } from "./render";

// Server actions are network calls from the browser; here they answer what the server would.
jest.mock("@/lib/actions/school-settings", () => ({ updateSchoolSettings: jest.fn() }));
const save = updateSchoolSettings as jest.MockedFunction<typeof updateSchoolSettings>;

const school: SchoolSettingsView = {
  id: "school1",
  name: "Lycée Victor-Hugo",
  city: "Paris",
  timeZone: "Europe/Paris",
  contactEmail: "secretariat@victor-hugo.test",
  autoRemindersEnabled: false,
  reminderAfterDays: 3,
  reminderBeforeExpiryDays: 1,
  reminderMaxCount: 2,
  windowStartHour: 8,
  windowEndHour: 20,
};

function renderForm(shown: SchoolSettingsView = school) {
  return renderInFrench(
    <NoticeProvider closeLabel="Fermer">
      <SchoolSettingsForm school={shown} />
    </NoticeProvider>,
  );
}

beforeEach(() => jest.clearAllMocks());

it("shows the school's settings, and saves what was changed with the keyboard, confirming it", async () => {
  let answer!: (value: Awaited<ReturnType<typeof updateSchoolSettings>>) => void;
  save.mockReturnValue(new Promise((resolve) => (answer = resolve)));
  const user = userEvent.setup();
  renderForm();
  expect(screen.getByRole("heading", { name: /Lycée Victor-Hugo/ })).toBeInTheDocument();
  expect(screen.getByLabelText("Adresse de contact")).toHaveValue("secretariat@victor-hugo.test");
  const toggle = screen.getByRole("switch", { name: "Relances automatiques" });
  expect(toggle).toHaveAttribute("aria-checked", "false");
  expect(screen.getByLabelText("Nombre maximum de relances")).toHaveValue(2);

  // Tab past the time zone to the switch and turn it on with the space bar.
  await user.click(screen.getByLabelText("Adresse de contact"));
  await user.tab();
  expect(screen.getByLabelText("Fuseau horaire")).toHaveFocus();
  await user.tab();
  expect(toggle).toHaveFocus();
  await user.keyboard(" ");
  expect(toggle).toHaveAttribute("aria-checked", "true");
  const first = screen.getByLabelText("Première relance après (jours)");
  await user.clear(first);
  await user.type(first, "5");
  await user.selectOptions(screen.getByLabelText("De"), "9 h");
  await user.click(screen.getByRole("button", { name: "Enregistrer" }));

  expect(save).toHaveBeenCalledWith({
    schoolId: "school1",
    contactEmail: "secretariat@victor-hugo.test",
    timeZone: "Europe/Paris",
    autoRemindersEnabled: true,
    reminderAfterDays: 5,
    reminderBeforeExpiryDays: 1,
    reminderMaxCount: 2,
    windowStartHour: 9,
    windowEndHour: 20,
  });
  // While the server saves, the button is busy and a second click sends nothing.
  expect(screen.getByRole("button", { name: "Enregistrer" })).toBeDisabled();
  answer({ ok: true, data: { ...school, autoRemindersEnabled: true, reminderAfterDays: 5, windowStartHour: 9 } });
  expect(await screen.findByText("Paramètres de Lycée Victor-Hugo enregistrés.")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Enregistrer" })).toBeEnabled();
  expect(save).toHaveBeenCalledTimes(1);
});

it("offers France's time zones, overseas included, and saves the one chosen", async () => {
  save.mockResolvedValue({ ok: true, data: { ...school, timeZone: "Indian/Reunion" } });
  const user = userEvent.setup();
  renderForm();
  const clock = screen.getByLabelText("Fuseau horaire");
  expect(clock).toHaveAccessibleDescription(expect.stringContaining("plage d'envoi des relances"));
  expect(screen.getByRole("option", { name: "France métropolitaine", selected: true })).toBeInTheDocument();
  expect(screen.getByRole("group", { name: "France" })).toContainElement(screen.getByRole("option", { name: "La Réunion" }));
  expect(screen.getByRole("group", { name: "Autres pays" })).toContainElement(screen.getByRole("option", { name: "Belgique" }));
  await user.selectOptions(clock, "La Réunion");
  await user.click(screen.getByRole("button", { name: "Enregistrer" }));
  expect(save).toHaveBeenCalledWith(expect.objectContaining({ schoolId: "school1", timeZone: "Indian/Reunion" }));
});

it("keeps a clock the list does not offer, shown by its name, until another is chosen", async () => {
  save.mockResolvedValue({ ok: true, data: { ...school, timeZone: "Asia/Tokyo" } });
  const user = userEvent.setup();
  renderForm({ ...school, timeZone: "Asia/Tokyo" });
  expect(screen.getByLabelText("Fuseau horaire")).toHaveValue("Asia/Tokyo");
  expect(screen.getByRole("option", { name: "Asia/Tokyo", selected: true })).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Enregistrer" }));
  expect(save).toHaveBeenCalledWith(expect.objectContaining({ timeZone: "Asia/Tokyo" }));
});

it("puts the server's reasons in French next to the fields they concern", async () => {
  save.mockResolvedValue({
    ok: false,
    error: "invalid_input",
    fieldErrors: {
      contactEmail: ["invalid_email"],
      reminderAfterDays: ["settings.reminderAfterDays"],
      windowEndHour: ["settings.windowOrder"],
      timeZone: ["settings.timeZone"],
    },
  });
  const user = userEvent.setup();
  renderForm();
  await user.click(screen.getByRole("button", { name: "Enregistrer" }));
  const email = screen.getByLabelText("Adresse de contact");
  expect(email).toHaveAttribute("aria-invalid", "true");
  expect(email).toHaveAccessibleDescription(expect.stringContaining("L'adresse email n'est pas valide"));
  const first = screen.getByLabelText("Première relance après (jours)");
  expect(first).toHaveAttribute("aria-invalid", "true");
  expect(first).toHaveAccessibleDescription(expect.stringContaining("Indiquez un nombre entier de jours entre 1 et 30."));
  expect(screen.getByLabelText("à")).toHaveAttribute("aria-invalid", "true");
  expect(screen.getByRole("group", { name: "Plage d'envoi" })).toHaveAccessibleDescription(
    expect.stringContaining("L'heure de fin doit être après l'heure de début."),
  );
  expect(screen.getByLabelText("Fuseau horaire")).toHaveAccessibleDescription(
    expect.stringContaining("Choisissez un fuseau horaire dans la liste."),
  );
  expect(screen.getByLabelText("Nombre maximum de relances")).toHaveAttribute("aria-invalid", "false");
});

it("says when the staff member may no longer change the settings", async () => {
  save.mockResolvedValue({ ok: false, error: "forbidden" });
  const user = userEvent.setup();
  renderForm();
  await user.click(screen.getByRole("button", { name: "Enregistrer" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Vous n'avez pas le droit d'effectuer cette action.");
});
