/** @jest-environment jsdom */
// Parents on the Étudiants list and on a sibling's page: « x/y parents actifs » with its tooltip,
// the « Accès des parents » filter, « Aussi parent de » and the disable dialog naming every child.
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DisableAccessDialog } from "@/components/access/access-dialogs";
import { StudentListNavigation } from "@/components/students/list-navigation";
import { StudentFilters, ActiveFilters } from "@/components/students/student-filters";
import { StudentOtherChildren } from "@/components/students/student-other-children";
import { StudentParentsCell } from "@/components/students/student-parents-cell";
import { NoticeProvider } from "@/components/ui/notice";
import type { ListParent } from "@/lib/data/students";
import { parseStudentListQuery } from "@/lib/validation/students";
import { FILTER_OPTIONS as options } from "../factories/filter-options";
import { router } from "./navigation-mock";
import { renderInFrench } from "./render";

jest.mock("next/navigation", () => jest.requireActual("./navigation-mock").navigationMock());
jest.mock("@/lib/actions/access", () => ({
  enableAccess: jest.fn(),
  disableAccess: jest.fn(),
  resendActivation: jest.fn(),
  findAddressSharers: jest.fn(),
}));

beforeEach(() => jest.clearAllMocks());

const parents: ListParent[] = [
  { name: "Sophie Dupont", relationship: "mother", accessState: "active" },
  { name: "Thierry Dupont", relationship: "father", accessState: "expired" },
];

describe("StudentParentsCell", () => {
  it("says how many parents are active, with French plurals, and « Aucun parent » when none", () => {
    const mixed = renderInFrench(<StudentParentsCell parents={parents} />);
    expect(screen.getByRole("button", { name: "1/2 parents actifs" })).toBeInTheDocument();
    mixed.unmount();
    const all = renderInFrench(<StudentParentsCell parents={parents.map((parent) => ({ ...parent, accessState: "active" as const }))} />);
    expect(screen.getByRole("button", { name: "2/2 parents actifs" })).toBeInTheDocument();
    all.unmount();
    renderInFrench(<StudentParentsCell parents={[parents[1]]} />);
    expect(screen.getByRole("button", { name: "0/1 parent actif" })).toBeInTheDocument();
    cleanup();
    renderInFrench(<StudentParentsCell parents={[]} />);
    expect(screen.getByText("Aucun parent")).toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it("names each parent, relationship and state in a tooltip shown on keyboard focus and read as the description", async () => {
    const user = userEvent.setup();
    renderInFrench(
      <>
        <button type="button">avant</button>
        <StudentParentsCell parents={parents} />
      </>,
    );
    const trigger = screen.getByRole("button", { name: "1/2 parents actifs" });
    expect(trigger).toHaveAccessibleDescription("Sophie Dupont (Mère) : Actif Thierry Dupont (Père) : Lien expiré");
    expect(screen.queryByRole("tooltip")).not.toBeInTheDocument();

    screen.getByRole("button", { name: "avant" }).focus();
    await user.tab();
    expect(trigger).toHaveFocus();
    const tooltip = screen.getByRole("tooltip");
    expect(
      within(tooltip)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["Sophie Dupont (Mère) : Actif", "Thierry Dupont (Père) : Lien expiré"]);

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("tooltip")).not.toBeInTheDocument();
    await user.tab();
    await user.hover(trigger);
    expect(screen.getByRole("tooltip")).toBeVisible();
    await user.unhover(trigger);
    expect(screen.queryByRole("tooltip")).not.toBeInTheDocument();
  });
});

describe("the « Accès des parents » filter", () => {
  function renderFilters(params: Record<string, string> = {}) {
    return renderInFrench(
      <StudentListNavigation query={parseStudentListQuery(params)}>
        <StudentFilters options={options} />
        <ActiveFilters options={options} />
      </StudentListNavigation>,
    );
  }

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

describe("a parent of several children", () => {
  it("names the other children, each opening their profile", () => {
    renderInFrench(
      <StudentOtherChildren
        otherChildren={[
          { id: "s2", firstName: "Marie", lastName: "Dupont" },
          { id: "s3", firstName: "Lucas", lastName: "Dupont" },
        ]}
      />,
    );
    expect(screen.getByText(/Aussi parent de/)).toHaveTextContent("Aussi parent de Marie Dupont et Lucas Dupont");
    expect(screen.getByRole("link", { name: "Lucas Dupont" })).toHaveAttribute("href", "/etudiants/s3");
  });

  it("is told, before disabling, that it ends the access for every child", () => {
    const person = {
      ref: { studentId: "s1", guardianId: "g1" },
      name: "Sophie Dupont",
      email: null,
      state: "active" as const,
      hasPassword: true,
    };
    const first = renderInFrench(
      <NoticeProvider closeLabel="Fermer">
        <DisableAccessDialog
          person={{ ...person, childrenNames: ["Jeanne Dupont", "Marie Dupont", "Lucas Dupont"] }}
          open
          onOpenChange={() => {}}
        />
      </NoticeProvider>,
    );
    expect(screen.getByRole("alertdialog")).toHaveTextContent(
      "Ce parent a un seul accès pour tous ses enfants : cela met fin à son accès pour Jeanne Dupont, Marie Dupont et Lucas Dupont.",
    );
    first.unmount();
    renderInFrench(
      <NoticeProvider closeLabel="Fermer">
        <DisableAccessDialog person={person} open onOpenChange={() => {}} />
      </NoticeProvider>,
    );
    expect(screen.getByRole("alertdialog")).not.toHaveTextContent("tous ses enfants");
  });
});
