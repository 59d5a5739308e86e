import "server-only";
import { getDb } from "@/lib/db";
import type { StaffContext } from "@/lib/rights";
import type { TSchoolSettings } from "@/lib/validation/school-settings";
import { visibleSchoolsWhere } from "./scope";

// « Paramètres des établissements »: each school's contact address and automatic reminders, for the
// schools the staff member sees (a school outside them is absent, like an unknown one).

/** A school's settings as the form shows them: the window in whole hours of the school's clock. */
export type SchoolSettingsView = {
  id: string;
  name: string;
  city: string | null;
  timeZone: string;
  contactEmail: string | null;
  autoRemindersEnabled: boolean;
  reminderAfterDays: number;
  reminderBeforeExpiryDays: number;
  reminderMaxCount: number;
  windowStartHour: number;
  windowEndHour: number;
};

const COLUMNS = {
  id: true,
  name: true,
  city: true,
  timeZone: true,
  contactEmail: true,
  autoRemindersEnabled: true,
  reminderAfterDays: true,
  reminderBeforeExpiryDays: true,
  reminderMaxCount: true,
  reminderWindowStart: true,
  reminderWindowEnd: true,
} as const;

type Row = { reminderWindowStart: number; reminderWindowEnd: number } & Omit<SchoolSettingsView, "windowStartHour" | "windowEndHour">;

function viewOf({ reminderWindowStart, reminderWindowEnd, ...school }: Row): SchoolSettingsView {
  return { ...school, windowStartHour: Math.floor(reminderWindowStart / 60), windowEndHour: Math.ceil(reminderWindowEnd / 60) };
}

/** The settings of every school the staff member sees, by name. */
export async function listSchoolSettings(staff: StaffContext): Promise<SchoolSettingsView[]> {
  const schools = await getDb().school.findMany({ where: visibleSchoolsWhere(staff), orderBy: { name: "asc" }, select: COLUMNS });
  return schools.map(viewOf);
}

/** Saves a school's settings; null when the staff member does not see that school. */
export async function updateSchoolSettings(staff: StaffContext, input: TSchoolSettings): Promise<SchoolSettingsView | null> {
  const { schoolId, windowStartHour, windowEndHour, ...settings } = input;
  const db = getDb();
  const { count } = await db.school.updateMany({
    where: { AND: [{ id: schoolId }, visibleSchoolsWhere(staff)] },
    data: { ...settings, reminderWindowStart: windowStartHour * 60, reminderWindowEnd: windowEndHour * 60 },
  });
  if (count === 0) return null;
  return viewOf(await db.school.findUniqueOrThrow({ where: { id: schoolId }, select: COLUMNS }));
}
