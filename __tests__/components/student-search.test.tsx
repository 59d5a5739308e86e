/** @jest-environment jsdom */
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StudentListNavigation } from "@/components/students/list-navigation";
import { SEARCH_DEBOUNCE_MS, StudentSearch } from "@/components/students/student-search";
import { parseStudentListQuery } from "@/lib/validation/students";
import { router } from "./navigation-mock";
import { renderInFrench } from "./render";

jest.mock("next/navigation", () => jest.requireActual("./navigation-mock").navigationMock());

beforeEach(() => {
  jest.useFakeTimers();
  jest.clearAllMocks();
});
afterEach(() => jest.useRealTimers());

function renderSearch(params: Record<string, string> = {}) {
  return renderInFrench(
    <StudentListNavigation query={parseStudentListQuery(params)}>
      <StudentSearch />
    </StudentListNavigation>,
  );
}

describe("StudentSearch", () => {
  it("is labelled « Rechercher un étudiant » and shows the search of the URL", () => {
    renderSearch({ q: "dupont", ecole: "s1" });
    expect(screen.getByRole("searchbox", { name: "Rechercher un étudiant" })).toHaveValue("dupont");
  });

  it("searches once the user pauses typing, keeping the filters and going back to page 1", async () => {
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    renderSearch({ ecole: "s1", page: "3" });
    const box = screen.getByRole("searchbox", { name: "Rechercher un étudiant" });
    await user.type(box, "hélène");
    expect(router.replace).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS));
    expect(router.replace).toHaveBeenCalledTimes(1);
    expect(router.replace).toHaveBeenCalledWith("/etudiants?q=h%C3%A9l%C3%A8ne&ecole=s1", { scroll: false });
    expect(box).toHaveFocus();
  });

  it("clears the search with its button and keeps focus in the field", async () => {
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    renderSearch({ q: "marie" });
    await user.click(screen.getByRole("button", { name: "Effacer la recherche" }));
    const box = screen.getByRole("searchbox", { name: "Rechercher un étudiant" });
    expect(box).toHaveValue("");
    expect(box).toHaveFocus();
    act(() => jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS));
    expect(router.replace).toHaveBeenCalledWith("/etudiants", { scroll: false });
  });
});
