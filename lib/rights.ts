// The rights Sésame knows. Roles (stored in the database) grant a subset of them; this file is the
// one place that names them, for the server checks and for the UI that hides what a user cannot do.
import type { Locale } from "@/lib/i18n/locales";

export const RIGHTS = {
  viewStudent: "student.view",
  editStudent: "student.edit",
  /** « Gérer les relances »: a school's automatic reminders and contact address. */
  manageReminders: "reminders.manage",
} as const;

export type Right = (typeof RIGHTS)[keyof typeof RIGHTS];

export const ALL_RIGHTS: readonly Right[] = Object.values(RIGHTS);

/** Message catalog key of each right's French label ("Afficher un étudiant", ...). */
export const RIGHT_LABEL_KEYS: Record<Right, string> = {
  "student.view": "rights.viewStudent",
  "student.edit": "rights.editStudent",
  "reminders.manage": "rights.manageReminders",
};

export function isRight(value: string): value is Right {
  return (ALL_RIGHTS as readonly string[]).includes(value);
}

/** What the server knows about the signed-in staff member when deciding what they may do. */
export type StaffContext = {
  id: string;
  name: string;
  email: string;
  organizationId: string;
  /** Their interface language, also that of the copies of emails sent to them. */
  locale: Locale;
  roleName: string;
  rights: readonly Right[];
  /** The schools whose students they may see: every school of the organisation unless restricted. */
  schoolIds: readonly string[];
  /** False when the staff member is restricted to some schools. */
  allSchools: boolean;
  /** The clock their pages write times on: that of their schools when they all keep the same, else DEFAULT_TIME_ZONE. */
  timeZone: string;
};

export function hasRight(staff: Pick<StaffContext, "rights"> | null | undefined, right: Right): boolean {
  return !!staff && staff.rights.includes(right);
}

export function canSeeSchool(staff: Pick<StaffContext, "schoolIds">, schoolId: string): boolean {
  return staff.schoolIds.includes(schoolId);
}
