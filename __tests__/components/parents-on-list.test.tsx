/** @jest-environment jsdom */
// Parents on the Étudiants list and on a sibling's page: « x/y parents actifs » with its tooltip,
// « Aussi parent de » and the disable dialog naming every child (the filter: student-filters.test.tsx).
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DisableAccessDialog } from "@/components/access/access-dialogs";
import { StudentOtherChildren } from "@/components/students/student-other-children";
import { StudentParentsCell } from "@/components/students/student-parents-cell";
import { NoticeProvider } from "@/components/ui/notice";
import type { ListParent } from "@/lib/data/students";
import { renderInFrench } from "./render";

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
