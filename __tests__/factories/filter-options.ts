// Filter options as the list receives them: two schools, their programs, classes over two years.
import type { FilterOptions } from "@/lib/data/students";

export const FILTER_OPTIONS: FilterOptions = {
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
