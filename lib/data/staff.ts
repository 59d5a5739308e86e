import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { verifyPassword } from "@/lib/passwords";
import { isRight, type StaffContext } from "@/lib/rights";
import { signInSucceeded, takeSignInAttempt } from "@/lib/rate-limits";

export function normalizeEmail(email: string): string {
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
  | { ok: false; error: "invalid" }
  | { ok: false; error: "too_many"; minutes: number };

/**
 * Staff sign-in with brute-force protection: after repeated failures for an address or from a client,
 * attempts are refused for a while (same limits as the espace étudiant, separate counters).
 */
export async function signInStaff(email: string, password: string, client: string): Promise<StaffSignIn> {
  const wait = await takeSignInAttempt("staff", email, client);
  if (wait > 0) return { ok: false, error: "too_many", minutes: Math.ceil(wait / 60) };
  const staff = await findStaffByCredentials(email, password);
  if (!staff) return { ok: false, error: "invalid" };
  await signInSucceeded("staff", email, client);
  return { ok: true, staff };
}

/** What is read of a staff member to know what they may do. */
export const STAFF_CONTEXT_INCLUDE = {
  role: { include: { rights: { select: { right: true } } } },
  schools: { select: { schoolId: true } },
} as const;

type StaffWithRights = Prisma.StaffUserGetPayload<{ include: typeof STAFF_CONTEXT_INCLUDE }>;

/** Rights and schools of a staff member, read fresh so that a role change applies at the next request. */
export async function loadStaffContext(staffId: string): Promise<StaffContext | null> {
  return staffContextOf(await getDb().staffUser.findUnique({ where: { id: staffId }, include: STAFF_CONTEXT_INCLUDE }));
}

/** The context of a staff member read with STAFF_CONTEXT_INCLUDE; null when unknown or deactivated. */
export async function staffContextOf(staff: StaffWithRights | null | undefined): Promise<StaffContext | null> {
  if (!staff || !staff.active) return null;
  const restrictedTo = staff.schools.map((access) => access.schoolId);
  const schools = await getDb().school.findMany({
    where: { organizationId: staff.organizationId, ...(restrictedTo.length ? { id: { in: restrictedTo } } : {}) },
    select: { id: true },
  });
  return {
    id: staff.id,
    name: staff.name,
    email: staff.email,
    organizationId: staff.organizationId,
    roleName: staff.role.name,
    rights: staff.role.rights.map((grant) => grant.right).filter(isRight),
    schoolIds: schools.map((school) => school.id),
    allSchools: restrictedTo.length === 0,
  };
}
