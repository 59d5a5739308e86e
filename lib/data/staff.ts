import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { verifyPassword } from "@/lib/passwords";
import { toLocale, type Locale } from "@/lib/i18n/locales";
import { DEFAULT_TIME_ZONE } from "@/lib/i18n/time-zones";
import { ALL_RIGHTS, type StaffContext } from "@/lib/rights";
import { signInSucceeded, takeSignInAttempt } from "./rate-limits";

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The active staff member with these credentials, or null (same answer and timing for every failure). */
export async function findStaffByCredentials(email: string, password: string) {
  const staff = await getDb().staffUser.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, name: true, email: true, passwordHash: true, active: true },
  });
  const valid = await verifyPassword(staff?.passwordHash ?? null, password);
  if (!staff || !valid || !staff.active) return null;
  return { id: staff.id, name: staff.name, email: staff.email };
}

export type StaffSignIn =
  | { ok: true; staff: { id: string; name: string; email: string } }
  | { ok: false; error: "invalid_credentials" }
  | { ok: false; error: "too_many_attempts"; minutes: number };

/**
 * Staff sign-in with brute-force protection: after repeated failures for an address or from a client,
 * attempts are refused for a while (same limits as the espace étudiant, separate counters).
 */
export async function signInStaff(email: string, password: string, client: string): Promise<StaffSignIn> {
  const wait = await takeSignInAttempt("staff", email, client);
  if (wait > 0) return { ok: false, error: "too_many_attempts", minutes: Math.ceil(wait / 60) };
  const staff = await findStaffByCredentials(email, password);
  if (!staff) return { ok: false, error: "invalid_credentials" };
  await signInSucceeded("staff", email, client);
  return { ok: true, staff };
}

type ContextRow = {
  kind: "staff" | "role" | "right" | "restrictedTo" | "school";
  value: string;
  email: string | null;
  organizationId: string | null;
  locale: string | null;
  expiresAt: Date | string | null;
  timeZone: string | null;
};

/**
 * What a staff member may do, and the clock their pages write times on, read in one statement (it
 * runs on every staff request): `member` selects their row when it counts (active; through a
 * session, one still open), and each other part of the answer hangs off it: role, rights, school
 * restriction, their organisation's schools and their clocks. Nothing is kept between requests,
 * so a revoked right, a deactivation or an ended session applies at the next request, whichever app
 * instance serves it.
 */
export async function readStaffContext(staffId: string, member: Prisma.Sql, now: Date): Promise<StaffContext | null> {
  const rows = await getDb().$queryRaw<ContextRow[]>`
    WITH "member" AS (${member})
    SELECT 'staff' AS "kind", m."name" AS "value", m."email" AS "email", m."organizationId" AS "organizationId", m."locale" AS "locale", m."expiresAt" AS "expiresAt", NULL AS "timeZone" FROM "member" m
    UNION ALL SELECT 'role', r."name", NULL, NULL, NULL, NULL, NULL FROM "member" m JOIN "Role" r ON r."id" = m."roleId"
    UNION ALL SELECT 'right', g."right", NULL, NULL, NULL, NULL, NULL FROM "member" m JOIN "RoleRight" g ON g."roleId" = m."roleId"
    UNION ALL SELECT 'restrictedTo', a."schoolId", NULL, NULL, NULL, NULL, NULL FROM "member" m JOIN "StaffSchool" a ON a."staffId" = m."id"
    UNION ALL SELECT 'school', sc."id", NULL, NULL, NULL, NULL, sc."timeZone" FROM "member" m JOIN "School" sc ON sc."organizationId" = m."organizationId"`;
  const staff = rows.find((row) => row.kind === "staff");
  const role = rows.find((row) => row.kind === "role");
  if (!staff?.email || !staff.organizationId || !role) return null;
  if (staff.expiresAt !== null && new Date(staff.expiresAt) <= now) return null;
  const values = (kind: ContextRow["kind"]) => rows.filter((row) => row.kind === kind).map((row) => row.value);
  const granted = new Set(values("right"));
  const restrictedTo = new Set(values("restrictedTo"));
  const schools = rows.filter((row) => row.kind === "school" && (restrictedTo.size === 0 || restrictedTo.has(row.value)));
  const clocks = new Set(schools.map((school) => school.timeZone ?? DEFAULT_TIME_ZONE));
  return {
    id: staffId,
    name: staff.value,
    email: staff.email,
    organizationId: staff.organizationId,
    locale: toLocale(staff.locale),
    roleName: role.value,
    rights: ALL_RIGHTS.filter((right) => granted.has(right)),
    schoolIds: schools.map((school) => school.value),
    allSchools: restrictedTo.size === 0,
    timeZone: clocks.size === 1 ? [...clocks][0] : DEFAULT_TIME_ZONE,
  };
}

/** The columns `member` selects from StaffUser u, followed by the session's "expiresAt" (or NULL). */
export const MEMBER_COLUMNS = Prisma.raw(`u."id", u."name", u."email", u."organizationId", u."roleId", u."locale"`);

/** Rights and schools of an active staff member (null when unknown or deactivated), read fresh. */
export function loadStaffContext(staffId: string, now = new Date()): Promise<StaffContext | null> {
  return readStaffContext(staffId, Prisma.sql`SELECT ${MEMBER_COLUMNS}, NULL AS "expiresAt" FROM "StaffUser" u WHERE u."id" = ${staffId} AND u."active" = TRUE`, now);
}

/** The staff member's interface language (and that of the copies of emails sent to them). */
export async function saveStaffLocale(staffId: string, locale: Locale): Promise<void> {
  await getDb().staffUser.update({ where: { id: staffId }, data: { locale } });
}
