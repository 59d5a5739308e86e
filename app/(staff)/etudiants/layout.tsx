import type { ReactNode } from "react";
import { requireRight } from "@/lib/auth";
import { RIGHTS } from "@/lib/rights";

/** Every Étudiants page needs "Afficher un étudiant": without it, the 403 page (checked before any streaming). */
export default async function StudentsLayout({ children }: { children: ReactNode }) {
  await requireRight(RIGHTS.viewStudent);
  return children;
}
