import { activeFilterChips, narrowOptions } from "@/components/students/filter-chips";
import { parseStudentListQuery } from "@/lib/validation/students";
import { FILTER_OPTIONS as options } from "../factories/filter-options";

const labels = {
  school: "École",
  program: "Formation",
  class: "Classe",
  schoolYear: "Année scolaire",
  email: "Email",
  emailPresent: "Email renseigné",
  emailMissing: "Email manquant",
  access: "Accès",
  accessStates: { none: "Aucun accès", invited: "Invitation envoyée", expired: "Lien expiré", active: "Actif", disabled: "Désactivé" },
  parentAccess: "Accès des parents",
  parentAccessValues: {
    noneActive: "Aucun parent actif",
    someActive: "Au moins un parent actif",
    allActive: "Tous les parents actifs",
    invited: "Invitation en attente",
    expired: "Lien expiré",
  },
};

describe("activeFilterChips", () => {
  it("labels each active filter with its name", () => {
    const query = parseStudentListQuery({ ecole: "s1", classe: "c1", annee: "y2", email: "manquant", acces: "lien-expire" });
    expect(activeFilterChips(query, options, labels)).toEqual([
      { key: "schoolId", name: "École", value: "Lycée Victor-Hugo" },
      { key: "classId", name: "Classe", value: "2nde A" },
      { key: "schoolYearId", name: "Année scolaire", value: "2026-2027" },
      { key: "email", value: "Email manquant" },
      { key: "access", name: "Accès", value: "Lien expiré" },
    ]);
  });

  it("names the parents' filter apart from the student's own access", () => {
    const query = parseStudentListQuery({ acces: "actif", "acces-parents": "lien-expire" });
    expect(activeFilterChips(query, options, labels)).toEqual([
      { key: "access", name: "Accès", value: "Actif" },
      { key: "parentAccess", name: "Accès des parents", value: "Lien expiré" },
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
