/** @jest-environment jsdom */
// The list's table: its sortable headers (aria-sort, what a click does, the URL it leads to) and
// rows whose cut values keep their whole text in a title (the layout itself: e2e/list-layout.test.ts).
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StudentListNavigation } from "@/components/students/list-navigation";
import { StudentTable } from "@/components/students/student-table";
import type { StudentListRow } from "@/lib/data/students";
import { parseStudentListQuery } from "@/lib/validation/students";
import { router } from "./navigation-mock";
import { renderInFrench } from "./render";

jest.mock("next/navigation", () => jest.requireActual("./navigation-mock").navigationMock());
jest.mock("@/lib/actions/students", () => ({ previewStudent: jest.fn() }));

beforeEach(() => jest.clearAllMocks());

const row = (overrides: Partial<StudentListRow> = {}): StudentListRow => ({
  id: "s1",
  studentNumber: "E000042",
  firstName: "Marie-Charlotte",
  lastName: "De La Fontaine-Saint-Exupéry",
  photoUrl: null,
  email: "marie.charlotte.de.la.fontaine@etablissement-scolaire.sesame.test",
  schoolName: "Lycée polyvalent Marguerite-Yourcenar",
  programName: "BTS Management commercial opérationnel",
  className: "Terminale générale B",
  accessState: "invited",
  parents: [],
  emailStatus: "valid",
  ...overrides,
});

function renderTable(params: Record<string, string> = {}, rows = [row()]) {
  return renderInFrench(
    <StudentListNavigation query={parseStudentListQuery(params)}>
      <StudentTable rows={rows} editing={null} />
    </StudentListNavigation>,
  );
}

const header = (name: string) => screen.getByRole("columnheader", { name });

describe("StudentTable's sortable headers", () => {
  it("says the list is by name ascending, and offers to sort by name, class and access", () => {
    renderTable();
    expect(header("Nom")).toHaveAttribute("aria-sort", "ascending");
    expect(header("Classe")).not.toHaveAttribute("aria-sort");
    expect(header("Accès")).not.toHaveAttribute("aria-sort");
    expect(header("Email")).not.toHaveAttribute("aria-sort");
    expect(screen.getByRole("button", { name: "Nom" })).toHaveAccessibleDescription("Trier par nom, ordre décroissant");
    expect(screen.getByRole("button", { name: "Classe" })).toHaveAccessibleDescription("Trier par classe");
    expect(screen.getByRole("button", { name: "Accès" })).toHaveAccessibleDescription("Trier par accès");
    expect(within(header("Email")).queryByRole("button")).not.toBeInTheDocument();
  });

  it("sorts by class with a click, keeping the search and filters, back to page 1; again: the other way", async () => {
    const user = userEvent.setup();
    const { unmount } = renderTable({ q: "marie", acces: "invitation", page: "3" });
    await user.click(screen.getByRole("button", { name: "Classe" }));
    expect(router.push).toHaveBeenCalledWith("/etudiants?q=marie&acces=invitation&tri=classe", { scroll: false });
    unmount();
    renderTable({ tri: "classe" });
    expect(header("Classe")).toHaveAttribute("aria-sort", "ascending");
    expect(header("Nom")).not.toHaveAttribute("aria-sort");
    await user.click(screen.getByRole("button", { name: "Classe" }));
    expect(router.push).toHaveBeenLastCalledWith("/etudiants?tri=classe&ordre=desc", { scroll: false });
  });

  it("sorts by access from the keyboard; by name descending, a click goes back to the default, written nowhere", async () => {
    const user = userEvent.setup();
    const { unmount } = renderTable();
    screen.getByRole("button", { name: "Accès" }).focus();
    await user.keyboard("{Enter}");
    expect(router.push).toHaveBeenCalledWith("/etudiants?tri=acces", { scroll: false });
    unmount();
    renderTable({ ordre: "desc" });
    expect(header("Nom")).toHaveAttribute("aria-sort", "descending");
    expect(screen.getByRole("button", { name: "Nom" })).toHaveAccessibleDescription("Trier par nom, ordre croissant");
    await user.click(screen.getByRole("button", { name: "Nom" }));
    expect(router.push).toHaveBeenLastCalledWith("/etudiants", { scroll: false });
  });
});

describe("StudentTable's rows", () => {
  it("keeps each value that may be cut whole in its title: name, class, school and program, email", () => {
    renderTable();
    expect(screen.getByRole("link", { name: /Marie-Charlotte/ })).toHaveAttribute("title", "DE LA FONTAINE-SAINT-EXUPÉRY Marie-Charlotte");
    expect(screen.getByTitle("Terminale générale B")).toBeInTheDocument();
    expect(screen.getByTitle("Lycée polyvalent Marguerite-Yourcenar · BTS Management commercial opérationnel")).toBeInTheDocument();
    expect(screen.getByTitle(row().email!)).toHaveTextContent(row().email!);
  });

  it("flags an invalid address with an icon named for screen readers, and says when there is none", () => {
    renderTable({}, [row({ email: "adresse@", emailStatus: "invalid" }), row({ id: "s2", email: null, emailStatus: "missing" })]);
    expect(screen.getByTitle("Adresse email invalide")).toHaveTextContent("Adresse email invalide");
    expect(screen.getByTitle("Aucune adresse email")).toBeInTheDocument();
  });
});
