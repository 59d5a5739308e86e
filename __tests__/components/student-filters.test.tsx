/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StudentListNavigation } from "@/components/students/list-navigation";
import { ActiveFilters, StudentFilters } from "@/components/students/student-filters";
import { parseStudentListQuery } from "@/lib/validation/students";
import { FILTER_OPTIONS as options } from "../factories/filter-options";
import { router } from "./navigation-mock";
import { renderInFrench } from "./render";

jest.mock("next/navigation", () => jest.requireActual("./navigation-mock").navigationMock());

function renderFilters(params: Record<string, string> = {}) {
  return renderInFrench(
    <StudentListNavigation query={parseStudentListQuery(params)}>
      <StudentFilters options={options} />
      <ActiveFilters options={options} />
    </StudentListNavigation>,
  );
}

beforeEach(() => jest.clearAllMocks());

describe("StudentFilters", () => {
  it("applies a school as soon as it is chosen, and narrows the programs to that school", async () => {
    const user = userEvent.setup();
    renderFilters({ q: "marie" });
    await user.click(screen.getByRole("button", { name: "Filtres" }));
    const school = await screen.findByLabelText("École");
    await user.selectOptions(school, "École Sainte-Élisabeth");
    expect(router.push).toHaveBeenCalledWith("/etudiants?q=marie&ecole=s2", { scroll: false });
  });

  it("filters on missing emails", async () => {
    const user = userEvent.setup();
    renderFilters();
    await user.click(screen.getByRole("button", { name: "Filtres" }));
    await user.selectOptions(await screen.findByLabelText("Email"), "Email manquant");
    expect(router.push).toHaveBeenCalledWith("/etudiants?email=manquant", { scroll: false });
  });

  it("offers only the chosen school's programs", async () => {
    const user = userEvent.setup();
    renderFilters({ ecole: "s1" });
    await user.click(screen.getByRole("button", { name: /Filtres/ }));
    const programs = within(await screen.findByLabelText("Formation")).getAllByRole("option");
    expect(programs.map((option) => option.textContent)).toEqual(["Toutes", "Seconde générale"]);
  });
});

describe("the « Accès des parents » filter", () => {
  it("offers the five values, says who « Aucun parent actif » counts, and applies a choice at once", async () => {
    const user = userEvent.setup();
    renderFilters({ classe: "c1" });
    await user.click(screen.getByRole("button", { name: /Filtres/ }));
    const select = await screen.findByLabelText("Accès des parents");
    expect(
      within(select)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual([
      "Tous",
      "Aucun parent actif",
      "Au moins un parent actif",
      "Tous les parents actifs",
      "Invitation en attente",
      "Lien expiré",
    ]);
    expect(select).toHaveAccessibleDescription("« Aucun parent actif » compte aussi les étudiants sans parent enregistré.");
    await user.selectOptions(select, "Lien expiré");
    expect(router.push).toHaveBeenCalledWith("/etudiants?classe=c1&acces-parents=lien-expire", { scroll: false });
  });

  it("shows the chosen value as a chip, removable on its own", async () => {
    const user = userEvent.setup();
    renderFilters({ acces: "actif", "acces-parents": "tous-actifs" });
    const chips = screen.getByRole("group", { name: "Filtres actifs" });
    expect(chips).toHaveTextContent("Accès : Actif");
    expect(chips).toHaveTextContent("Accès des parents : Tous les parents actifs");
    await user.click(screen.getByRole("button", { name: "Retirer le filtre Accès des parents : Tous les parents actifs" }));
    expect(router.push).toHaveBeenLastCalledWith("/etudiants?acces=actif", { scroll: false });
  });
});

describe("ActiveFilters", () => {
  it("shows active filters as chips that can be removed one by one", async () => {
    const user = userEvent.setup();
    renderFilters({ q: "dupont", ecole: "s1", email: "renseigne" });
    const chips = screen.getByRole("group", { name: "Filtres actifs" });
    expect(chips).toHaveTextContent("Recherche : « dupont »");
    expect(chips).toHaveTextContent("École : Lycée Victor-Hugo");
    expect(chips).toHaveTextContent("Email renseigné");
    expect(chips).not.toHaveTextContent("Email : ");
    await user.click(screen.getByRole("button", { name: "Retirer le filtre École : Lycée Victor-Hugo" }));
    expect(router.push).toHaveBeenLastCalledWith("/etudiants?q=dupont&email=renseigne", { scroll: false });
  });

  it("resets search and filters together", async () => {
    const user = userEvent.setup();
    renderFilters({ q: "dupont", ecole: "s1" });
    await user.click(within(screen.getByRole("group", { name: "Filtres actifs" })).getByRole("button", { name: "Réinitialiser" }));
    expect(router.push).toHaveBeenLastCalledWith("/etudiants", { scroll: false });
  });

  it("shows nothing when no filter is active", () => {
    renderFilters();
    expect(screen.queryByRole("group", { name: "Filtres actifs" })).not.toBeInTheDocument();
  });
});
