import type { ReactNode } from "react";
import { requireRight } from "@/lib/auth";
import { RIGHTS } from "@/lib/rights";

/** « Paramètres des établissements » needs « Gérer les relances »: without it, the 403 page (checked before any streaming). */
export default async function SchoolSettingsLayout({ children }: { children: ReactNode }) {
  await requireRight(RIGHTS.manageReminders);
  return children;
}
