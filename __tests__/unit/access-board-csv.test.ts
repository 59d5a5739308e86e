import {
  accessBoardCsvRows,
  emptyBoardCounts,
  formatRate,
  activationRate,
  type AccessBoard,
  type BoardCsvLabels,
} from "@/lib/access/board";

const labels: BoardCsvLabels = {
  columns: {
    school: "Établissement",
    program: "Formation",
    class: "Classe",
    audience: "Public",
    total: "Total",
    rate: "Taux d'activation",
    generatedAt: "Extrait le",
  },
  states: { none: "Aucun accès", invited: "Invitation envoyée", expired: "Lien expiré", active: "Actif", disabled: "Désactivé" },
  audiences: { students: "Étudiants", parents: "Parents" },
  allSchools: "Tous les établissements",
  allPrograms: "Toutes les formations",
  allClasses: "Toutes les classes",
};

function board(): AccessBoard {
  const counts = emptyBoardCounts();
  counts.students = { none: 1, invited: 2, expired: 0, active: 1, disabled: 0 };
  counts.parents.active = 3;
  return {
    total: counts,
    schools: [
      {
        id: "s",
        name: "Lycée Victor-Hugo",
        counts,
        programs: [{ id: "p", name: "BTS MCO", counts, classes: [{ id: "c", name: "MCO 1", counts }] }],
      },
    ],
  };
}

describe("accessBoardCsvRows", () => {
  // 1 July 2026, 12:05 UTC is 14:05 in Paris (summer time).
  const rows = accessBoardCsvRows(board(), labels, new Date("2026-07-01T12:05:00Z"), "Europe/Paris");

  it("starts with the French header, the states in the list's order", () => {
    expect(rows[0]).toEqual([
      "Établissement",
      "Formation",
      "Classe",
      "Public",
      "Aucun accès",
      "Invitation envoyée",
      "Lien expiré",
      "Actif",
      "Désactivé",
      "Total",
      "Taux d'activation",
      "Extrait le",
    ]);
  });

  it("gives students then parents for all schools, each school, program and class, with local time", () => {
    expect(rows.slice(1).map((row) => row.slice(0, 4))).toEqual([
      ["Tous les établissements", "Toutes les formations", "Toutes les classes", "Étudiants"],
      ["Tous les établissements", "Toutes les formations", "Toutes les classes", "Parents"],
      ["Lycée Victor-Hugo", "Toutes les formations", "Toutes les classes", "Étudiants"],
      ["Lycée Victor-Hugo", "Toutes les formations", "Toutes les classes", "Parents"],
      ["Lycée Victor-Hugo", "BTS MCO", "Toutes les classes", "Étudiants"],
      ["Lycée Victor-Hugo", "BTS MCO", "Toutes les classes", "Parents"],
      ["Lycée Victor-Hugo", "BTS MCO", "MCO 1", "Étudiants"],
      ["Lycée Victor-Hugo", "BTS MCO", "MCO 1", "Parents"],
    ]);
    expect(rows[7].slice(4)).toEqual(["1", "2", "0", "1", "0", "4", "25 %", "01/07/2026 14:05"]);
    expect(rows[8].slice(4)).toEqual(["0", "0", "0", "3", "0", "3", "100 %", "01/07/2026 14:05"]);
  });

  it("writes the extraction time on the staff member's clock", () => {
    const noumea = accessBoardCsvRows(board(), labels, new Date("2026-07-01T12:05:00Z"), "Pacific/Noumea");
    expect(noumea[1].at(-1)).toBe("01/07/2026 23:05");
  });

  it("has no rate when nobody is counted", () => {
    expect(formatRate(activationRate(emptyBoardCounts().students))).toBe("–");
  });
});
