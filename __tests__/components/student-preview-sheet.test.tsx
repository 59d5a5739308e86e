/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StudentPreviewSheet } from "@/components/students/student-preview-sheet";
import { previewStudent } from "@/lib/actions/students";
import { student } from "../factories/student-details";
import { renderInFrench } from "./render";

// The server action is a network call in the browser; here it answers what the server would.
jest.mock("@/lib/actions/students", () => ({ previewStudent: jest.fn() }));
const mockedPreview = previewStudent as jest.MockedFunction<typeof previewStudent>;

beforeEach(() => jest.clearAllMocks());

describe("StudentPreviewSheet", () => {
  it("loads and shows the student's summary with parents and a link to the profile", async () => {
    mockedPreview.mockResolvedValue({ ok: true, data: student });
    renderInFrench(<StudentPreviewSheet studentId="stu1" onClose={() => {}} />);
    expect(screen.getByRole("status")).toHaveTextContent("Chargement de l'aperçu…");
    const dialog = await screen.findByRole("dialog", { name: "Marie Dupont" });
    expect(mockedPreview).toHaveBeenCalledWith({ studentId: "stu1" });
    expect(dialog).toHaveTextContent("4 janvier 2008");
    expect(dialog).toHaveTextContent("Aucune adresse email");
    expect(dialog).toHaveTextContent("Sophie Dupont · Mère");
    expect(dialog).toHaveTextContent("Adresse email invalide");
    expect(dialog).toHaveTextContent("thierry.dupont@famille.test");
    expect(screen.getByRole("link", { name: "Aller sur la fiche de l'étudiant" })).toHaveAttribute("href", "/etudiants/stu1");
  });

  it("explains an error in French and offers to retry when the server failed", async () => {
    mockedPreview.mockResolvedValueOnce({ ok: false, error: "internal" }).mockResolvedValueOnce({ ok: true, data: student });
    renderInFrench(<StudentPreviewSheet studentId="stu1" onClose={() => {}} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Une erreur inattendue est survenue.");
    await userEvent.setup().click(screen.getByRole("button", { name: "Réessayer" }));
    expect(await screen.findByRole("dialog", { name: "Marie Dupont" })).toBeInTheDocument();
  });

  it("says the student is not found without a retry button", async () => {
    mockedPreview.mockResolvedValue({ ok: false, error: "not_found" });
    renderInFrench(<StudentPreviewSheet studentId="gone" onClose={() => {}} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Cet étudiant n'existe pas");
    expect(screen.queryByRole("button", { name: "Réessayer" })).not.toBeInTheDocument();
  });

  it("closes with Escape", async () => {
    mockedPreview.mockResolvedValue({ ok: true, data: student });
    const onClose = jest.fn();
    renderInFrench(<StudentPreviewSheet studentId="stu1" onClose={onClose} />);
    await screen.findByRole("dialog", { name: "Marie Dupont" });
    await userEvent.setup().keyboard("{Escape}");
    expect(onClose).toHaveBeenCalled();
  });
});
