// The follow-up board (« Suivi des accès »): counts of students and parents in each access state, by
// school, program and class. Pure: lib/data/access-board.ts fills it, the page and the CSV read it.
import { ACCESS_STATES, type AccessState } from "@/lib/access/state";
import type { TParentAccessFilter } from "@/lib/students/list-params";

export type StateCounts = Record<AccessState, number>;
export type BoardCounts = { students: StateCounts; parents: StateCounts };
export type BoardClass = { id: string; name: string; counts: BoardCounts };
export type BoardProgram = { id: string; name: string; counts: BoardCounts; classes: BoardClass[] };
export type BoardSchool = { id: string; name: string; counts: BoardCounts; programs: BoardProgram[] };
export type AccessBoard = { total: BoardCounts; schools: BoardSchool[] };

/**
 * The Étudiants list's « Accès des parents » value a board's parent count links to. The list lists
 * students, so a parent number opens the students having at least one parent in that state (a parent
 * of two children there brings both; a child of two invited parents comes once): the same families,
 * not the same count. Only states with that exact filter link: « Aucun accès » and « Désactivé »
 * have none (« Aucun parent actif » would also bring students whose parents are invited or expired),
 * so those numbers stay plain text.
 */
export const PARENT_STATE_LIST_FILTER: Partial<Record<AccessState, TParentAccessFilter>> = {
  active: "someActive",
  invited: "invited",
  expired: "expired",
};

export function emptyStateCounts(): StateCounts {
  return { none: 0, invited: 0, expired: 0, active: 0, disabled: 0 };
}

export function emptyBoardCounts(): BoardCounts {
  return { students: emptyStateCounts(), parents: emptyStateCounts() };
}

export function countTotal(counts: StateCounts): number {
  return ACCESS_STATES.reduce((sum, state) => sum + counts[state], 0);
}

/** Share of the people counted whose access is active, 0 to 1 (null when nobody is counted). */
export function activationRate(counts: StateCounts): number | null {
  const total = countTotal(counts);
  return total ? counts.active / total : null;
}

/** "42 %", as French spreadsheets and readers expect it; "–" when nobody is counted. */
export function formatRate(rate: number | null): string {
  return rate === null ? "–" : `${Math.round(rate * 100)} %`;
}

export type BoardCsvLabels = {
  columns: { school: string; program: string; class: string; audience: string; total: string; rate: string; generatedAt: string };
  states: Record<AccessState, string>;
  audiences: { students: string; parents: string };
  allSchools: string;
  allPrograms: string;
  allClasses: string;
};

/** "27/11/2026 14:05" on the staff member's clock (StaffContext.timeZone), which spreadsheets read as a date. */
export function formatLocalDateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone }).format(date);
}

/**
 * The board as CSV rows (header first): one row per level (all schools, each school, program and
 * class) and audience (students, then parents), with the count of each state, the total and the rate.
 */
export function accessBoardCsvRows(board: AccessBoard, labels: BoardCsvLabels, generatedAt: Date, timeZone: string): string[][] {
  const header = [
    labels.columns.school,
    labels.columns.program,
    labels.columns.class,
    labels.columns.audience,
    ...ACCESS_STATES.map((state) => labels.states[state]),
    labels.columns.total,
    labels.columns.rate,
    labels.columns.generatedAt,
  ];
  const when = formatLocalDateTime(generatedAt, timeZone);
  const rows = [header];
  const push = (place: [string, string, string], counts: BoardCounts) => {
    for (const audience of ["students", "parents"] as const) {
      const stateCounts = counts[audience];
      rows.push([
        ...place,
        labels.audiences[audience],
        ...ACCESS_STATES.map((state) => String(stateCounts[state])),
        String(countTotal(stateCounts)),
        formatRate(activationRate(stateCounts)),
        when,
      ]);
    }
  };
  push([labels.allSchools, labels.allPrograms, labels.allClasses], board.total);
  for (const school of board.schools) {
    push([school.name, labels.allPrograms, labels.allClasses], school.counts);
    for (const program of school.programs) {
      push([school.name, program.name, labels.allClasses], program.counts);
      for (const schoolClass of program.classes) push([school.name, program.name, schoolClass.name], schoolClass.counts);
    }
  }
  return rows;
}
