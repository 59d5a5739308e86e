import { activeFilterChips, narrowOptions } from "@/components/students/filter-chips";
import { parseStudentListQuery } from "@/lib/validation/students";

const options = {
  schools: [
    { id: "s1", name: "Lycée Victor-Hugo" },
    { id: "s2", name: "École Sainte-Élisabeth" },
  ],
  programs: [
    { id: "p1", name: "Seconde générale", schoolId: "s1" },
    { id: "p2", name: "BTS Communication", schoolId: "s2" },
  ],
  classes: [
    { id: "c1", name: "2nde A", programId: "p1", schoolYearId: "y2" },
    { id: "c0", name: "2nde A", programId: "p1", schoolYearId: "y1" },
    { id: "c2", name: "BTS Com A", programId: "p2", schoolYearId: "y2" },
  ],
  schoolYears: [
    { id: "y2", label: "2026-2027" },
    { id: "y1", label: "2025-2026" },
  ],
};
const labels = { school: "École", program: "Formation", class: "Classe", schoolYear: "Année scolaire", email: "Email", emailPresent: "Email renseigné", emailMissing: "Email manquant" };

describe("activeFilterChips", () => {
  it("labels each active filter with its name", () => {
    const query = parseStudentListQuery({ ecole: "s1", classe: "c1", annee: "y2", email: "manquant" });
    expect(activeFilterChips(query, options, labels)).toEqual([
      { key: "schoolId", name: "École", value: "Lycée Victor-Hugo" },
      { key: "classId", name: "Classe", value: "2nde A" },
      { key: "schoolYearId", name: "Année scolaire", value: "2026-2027" },
      { key: "email", name: "Email", value: "Email manquant" },
    ]);
  });

  it("shows nothing without filters", () => {
    expect(activeFilterChips(parseStudentListQuery({ q: "marie" }), options, labels)).toEqual([]);
  });
});

describe("narrowOptions", () => {
  it("offers the programs of the chosen school and the classes of the chosen program and year", () => {
    const narrowed = narrowOptions(parseStudentListQuery({ ecole: "s1", annee: "y2" }), options);
    expect(narrowed.programs.map((program) => program.id)).toEqual(["p1"]);
    expect(narrowed.classes.map((schoolClass) => schoolClass.id)).toEqual(["c1"]);
    expect(narrowOptions(parseStudentListQuery({}), options).classes).toHaveLength(3);
  });
});
