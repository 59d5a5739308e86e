/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { StudentInformation } from "@/components/students/student-information";
import { student } from "../factories/student-details";
import { renderInFrench } from "./render";

describe("StudentInformation", () => {
  it("gives each person's email language, named in itself", () => {
    renderInFrench(<StudentInformation student={student} canEdit={false} staffEmail="secretariat@sesame.test" />);
    const language = (name: RegExp) =>
      within(screen.getByRole("region", { name })).getByText("Langue des emails").nextElementSibling as HTMLElement;
    expect(language(/Marie Dupont/)).toHaveTextContent("Français");
    expect(language(/Sophie Dupont/)).toHaveTextContent("Français");
    expect(language(/Thierry Dupont/)).toHaveTextContent("English");
    expect(within(language(/Thierry Dupont/)).getByText("English")).toHaveAttribute("lang", "en");
  });
});
