import "server-only";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import type { StaffContext } from "@/lib/rights";
import { refreshGuardianSearchTexts } from "@/lib/search/reindex";
import { findPerson, type PersonRef } from "../people";
import { deriveGuardianColumns, deriveStudentColumns } from "../person-columns";
import { addressTakenByAnother, cancelQueuedEmails, claimSignInEmail, currentState } from "./access-row";
import { revokeLinks } from "./links";
import { refuse, refusedAs, type AccessOutcome } from "./outcome";

/**
 * Corrects a student's or guardian's email, and sets the language of their emails when `locale` is
 * given; links sent to the old address stop working. A change of language alone keeps them: it
 * applies to the next email.
 */
export async function changeEmail(
  staff: StaffContext,
  ref: PersonRef,
  { email, locale }: { email: string; locale?: Locale },
  now = new Date(),
): Promise<AccessOutcome> {
  const person = await findPerson(staff, ref);
  if (!person) return refuse("not_found");
  const language: { locale?: Locale } = locale && locale !== person.locale ? { locale } : {};
  const saved = async (): Promise<AccessOutcome> => ({ ok: true, state: person.accessId ? await currentState(person.accessId) : "none", emailQueued: false });
  if (person.email === email) {
    if (!language.locale) return refuse("same_email");
    await (person.kind === "student"
      ? getDb().student.update({ where: { id: person.id }, data: language })
      : getDb().guardian.update({ where: { id: person.id }, data: language }));
    return saved();
  }
  const access = person.accessId ? await getDb().portalAccess.findUnique({ where: { id: person.accessId }, select: { enabled: true } }) : null;
  // An enabled access signs in with the new address at once: it must not be another account's.
  if (access?.enabled && (await addressTakenByAnother(email, person.accessId))) return refuse("email_in_use");
  const done = await refusedAs(() =>
    getDb().$transaction(async (tx) => {
      if (person.kind === "student") {
        const student = await tx.student.findUniqueOrThrow({ where: { id: person.id } });
        await tx.student.update({
          where: { id: person.id },
          data: { email, ...language, ...deriveStudentColumns({ ...student, email }) },
        });
      } else {
        const guardian = await tx.guardian.findUniqueOrThrow({ where: { id: person.id }, include: { students: { select: { studentId: true } } } });
        await tx.guardian.update({
          where: { id: person.id },
          data: { email, ...language, ...deriveGuardianColumns({ ...guardian, email }) },
        });
        // Their children are found by the new address, no longer by the old one.
        await refreshGuardianSearchTexts(tx, guardian.students.map((link) => link.studentId));
      }
      if (person.accessId) {
        const current = await tx.portalAccess.findUniqueOrThrow({ where: { id: person.accessId }, select: { enabled: true } });
        if (current.enabled) await claimSignInEmail(tx, person.accessId, email);
        await revokeLinks(tx, person.accessId, "email_changed", now);
        await cancelQueuedEmails(tx, person.accessId, "email changed");
        await tx.portalAccess.update({ where: { id: person.accessId }, data: { linkExpiresAt: null } });
        await tx.accessEvent.create({ data: { accessId: person.accessId, type: "email_changed", actorId: staff.id, email } });
      }
      return true as const;
    }),
  );
  if (done !== true) return done;
  return saved();
}
