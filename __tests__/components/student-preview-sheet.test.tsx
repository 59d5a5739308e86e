/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StudentPreviewSheet } from "@/components/students/student-preview-sheet";
import { previewStudent } from "@/lib/actions/students";
import type { StudentDetails } from "@/lib/data/students";
import { renderInFrench } from "./render";

// The server action is a network call in the browser; here it answers what the server would.
jest.mock("@/lib/actions/students", () => ({ previewStudent: jest.fn() }));
const mockedPreview = previewStudent as jest.MockedFunction<typeof previewStudent>;

const student: StudentDetails = {
  id: "stu1",
  studentNumber: "E000001",
  firstName: "Marie",
  lastName: "Dupont",
  birthDate: "2008-01-04T00:00:00.000Z",
  photoUrl: null,
  email: null,
  phone: "07 24 38 00 25",
  school: { id: "s1", name: "École Sainte-Élisabeth" },
  program: { id: "p1", name: "BTS Communication" },
  className: "BTS Com B",
  schoolYear: "2026-2027",
  accessState: "invited",
  sharedWith: [],
  guardians: [
    {
      id: "g1",
      firstName: "Sophie",
      lastName: "Dupont",
      email: "sophie@@famille",
      phone: null,
      relationship: "mother",
      accessState: "none",
      sharedWith: [],
      otherChildren: [],
    },
    {
      id: "g2",
      firstName: "Thierry",
      lastName: "Dupont",
      email: "thierry.dupont@famille.test",
      phone: "06 11 22 33 44",
      relationship: "father",
      accessState: "active",
      sharedWith: [],
      otherChildren: [],
    },
  ],
};

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
