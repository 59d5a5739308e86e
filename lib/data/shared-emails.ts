import "server-only";
import { emailKey } from "@/lib/access/email-key";
import { getDb } from "@/lib/db";
import type { StaffContext } from "@/lib/rights";
import { findPerson, type PersonRef } from "./people";

/**
 * Someone else registered with the same address. One address signs in to one portal account, so
 * staff are told before enabling access; nothing is merged.
 */
export type AddressSharer = {
  kind: "student" | "guardian";
  /** Null when the person belongs only to schools the staff member does not see. */
  name: string | null;
  /** For a guardian, their children the staff member sees. */
  children: string[];
  /** Their enabled access signs in with this address: nobody else can get access with it. */
  holdsSignIn: boolean;
};

type PersonKey = { kind: "student" | "guardian"; id: string; email: string | null };

const LIMIT = 20;

/** Those sharing the address of one person the staff member may see; null when they may not. */
export async function findAddressSharers(staff: StaffContext, ref: PersonRef): Promise<AddressSharer[] | null> {
  const person = await findPerson(staff, ref);
  if (!person) return null;
  const sharers = await addressSharers(staff, [person]);
  return sharers.get(`${person.kind}:${person.id}`) ?? [];
}

/** For each person (by `kind:id`), the others registered with the same address. */
export async function addressSharers(staff: StaffContext, people: PersonKey[]): Promise<Map<string, AddressSharer[]>> {
  const result = new Map<string, AddressSharer[]>();
  const keys = [...new Set(people.map((person) => emailKey(person.email)).filter((key): key is string => !!key))];
  if (!keys.length) return result;
  const db = getDb();
  const visible = new Set(staff.schoolIds);
  const [students, guardians] = await Promise.all([
    db.student.findMany({
      where: { emailKey: { in: keys } },
      select: { id: true, firstName: true, lastName: true, schoolId: true, emailKey: true, access: { select: { signInEmail: true } } },
      take: LIMIT * keys.length,
    }),
    db.guardian.findMany({
      where: { emailKey: { in: keys } },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        emailKey: true,
        access: { select: { signInEmail: true } },
        students: { select: { student: { select: { firstName: true, lastName: true, schoolId: true } } } },
      },
      take: LIMIT * keys.length,
    }),
  ]);
  const everyone = [
    ...students.map((student) => ({
      kind: "student" as const,
      id: student.id,
      key: student.emailKey!,
      sharer: {
        kind: "student" as const,
        name: visible.has(student.schoolId) ? `${student.firstName} ${student.lastName}` : null,
        children: [],
        holdsSignIn: student.access?.signInEmail === student.emailKey,
      },
    })),
    ...guardians.map((guardian) => {
      const children = guardian.students.filter(({ student }) => visible.has(student.schoolId));
      return {
        kind: "guardian" as const,
        id: guardian.id,
        key: guardian.emailKey!,
        sharer: {
          kind: "guardian" as const,
          name: children.length ? `${guardian.firstName} ${guardian.lastName}` : null,
          children: children.map(({ student }) => `${student.firstName} ${student.lastName}`),
          holdsSignIn: guardian.access?.signInEmail === guardian.emailKey,
        },
      };
    }),
  ];
  for (const person of people) {
    const key = emailKey(person.email);
    const others = everyone.filter((other) => other.key === key && !(other.kind === person.kind && other.id === person.id));
    if (others.length) result.set(`${person.kind}:${person.id}`, others.map((other) => other.sharer).slice(0, LIMIT));
  }
  return result;
}
