/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { BulkResendDialog } from "@/components/students/bulk-resend-dialog";
import { NoticeProvider } from "@/components/ui/notice";
import { startBulkSend, summarizeBulkSend } from "@/lib/actions/bulk";
import type { BulkSummary } from "@/lib/data/bulk-sends";
import { router } from "./navigation-mock";
import { renderInFrench } from "./render";

jest.mock("next/navigation", () => jest.requireActual("./navigation-mock").navigationMock());
// Server actions are network calls from the browser; here they answer what the server would.
jest.mock("@/lib/actions/bulk", () => ({ summarizeBulkSend: jest.fn(), startBulkSend: jest.fn() }));
const summarize = summarizeBulkSend as jest.MockedFunction<typeof summarizeBulkSend>;
const start = startBulkSend as jest.MockedFunction<typeof startBulkSend>;

const missing = Array.from({ length: 20 }, (_, index) => ({ id: `miss${index}`, name: `Sans${index} Adresse` }));
const summary: BulkSummary = {
  total: 40,
  willReceive: 15,
  willEnable: 2,
  withPassword: 3,
  skipped: { missing_email: 23, invalid_email: 1, disabled: 1, email_in_use: 0 },
  skippedPeople: {
    missing_email: missing,
    invalid_email: [{ id: "inv1", name: "Léa Martin" }],
    disabled: [{ id: "dis1", name: "Paul Durand" }],
    email_in_use: [],
  },
};

beforeEach(() => {
  jest.clearAllMocks();
  summarize.mockResolvedValue({ ok: true, data: summary });
  start.mockResolvedValue({ ok: true, data: { bulkSendId: "bulk1", total: 40 } });
});

function renderDialog() {
  return renderInFrench(
    <NoticeProvider closeLabel="Fermer">
      <BulkResendDialog selection={{ studentIds: ["a", "b"] }} open onOpenChange={jest.fn()} />
    </NoticeProvider>,
  );
}

describe("BulkResendDialog", () => {
  it("names who is skipped and why, each name opening the profile, the rest counted", async () => {
    renderDialog();
    const dialog = await screen.findByRole("alertdialog", { name: "Renvoyer l'email d'activation" });
    expect(await within(dialog).findByText("12 étudiants recevront l'email.")).toBeInTheDocument();
    expect(dialog).toHaveTextContent("23 sans adresse email");
    expect(within(dialog).getByRole("link", { name: "Ouvrir la fiche de Sans0 Adresse pour corriger son adresse" })).toHaveAttribute(
      "href",
      "/etudiants/miss0",
    );
    expect(within(dialog).getByRole("link", { name: "Ouvrir la fiche de Léa Martin pour corriger son adresse" })).toHaveAttribute(
      "href",
      "/etudiants/inv1",
    );
    expect(within(dialog).getByRole("link", { name: "Ouvrir la fiche de Paul Durand pour corriger son adresse" })).toBeInTheDocument();
    expect(dialog).toHaveTextContent("et 3 autres");
  });

  it("leaves out people who already chose a password unless staff tick the box", async () => {
    const user = userEvent.setup();
    renderDialog();
    expect(
      await screen.findByText(
        "3 personnes sélectionnées ont déjà choisi leur mot de passe : elles ne recevront rien, sauf si vous les incluez.",
      ),
    ).toBeInTheDocument();
    const include = screen.getByRole("checkbox", { name: "Leur envoyer aussi un lien pour choisir un nouveau mot de passe" });
    expect(include).not.toBeChecked();
    expect(screen.getByRole("button", { name: "Envoyer 12 emails" })).toBeEnabled();

    await user.click(include);
    expect(include).toBeChecked();
    expect(screen.getByText("15 étudiants recevront l'email.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Envoyer 15 emails" }));
    expect(start).toHaveBeenCalledWith({ selection: { studentIds: ["a", "b"] }, includeWithPassword: true });
    expect(router.push).toHaveBeenCalledWith("/etudiants/envois/bulk1");
  });

  it("sends without them by default", async () => {
    const user = userEvent.setup();
    renderDialog();
    await user.click(await screen.findByRole("button", { name: "Envoyer 12 emails" }));
    expect(start).toHaveBeenCalledWith({ selection: { studentIds: ["a", "b"] }, includeWithPassword: false });
  });

  it("leaves them out again once closed: the box is unticked at the next opening", async () => {
    const user = userEvent.setup();
    renderDialog();
    const include = await screen.findByRole("checkbox", { name: "Leur envoyer aussi un lien pour choisir un nouveau mot de passe" });
    await user.click(include);
    expect(include).toBeChecked();
    await user.click(screen.getByRole("button", { name: "Annuler" }));
    expect(include).not.toBeChecked();
  });
});
