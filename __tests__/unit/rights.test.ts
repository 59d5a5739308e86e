import { ALL_RIGHTS, canSeeSchool, hasRight, isRight, RIGHTS, RIGHT_LABEL_KEYS } from "@/lib/rights";
import messages from "@/messages/fr.json";

describe("rights", () => {
  it("grants only the rights a role holds", () => {
    expect(hasRight({ rights: [RIGHTS.viewStudent] }, RIGHTS.viewStudent)).toBe(true);
    expect(hasRight({ rights: [RIGHTS.viewStudent] }, RIGHTS.editStudent)).toBe(false);
    expect(hasRight({ rights: [] }, RIGHTS.viewStudent)).toBe(false);
    expect(hasRight(null, RIGHTS.viewStudent)).toBe(false);
  });

  it("lets a staff member see only the schools of their context", () => {
    expect(canSeeSchool({ schoolIds: ["a", "b"] }, "a")).toBe(true);
    expect(canSeeSchool({ schoolIds: ["a"] }, "b")).toBe(false);
    expect(canSeeSchool({ schoolIds: [] }, "a")).toBe(false);
  });

  it("recognises known rights only", () => {
    expect(isRight("student.view")).toBe(true);
    expect(isRight("reminders.manage")).toBe(true);
    expect(isRight("student.delete")).toBe(false);
  });

  it("labels every right in French", () => {
    const labels = ALL_RIGHTS.map((right) =>
      RIGHT_LABEL_KEYS[right].split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages),
    );
    expect(labels).toEqual(["Afficher un étudiant", "Modifier un étudiant", "Gérer les relances"]);
  });
});
