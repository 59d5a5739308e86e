import "server-only";
import { DEFAULT_TIME_ZONE } from "@/lib/i18n/time-zones";
import { emailKey } from "@/lib/access/email-key";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { guardianPerson, SCHOOL_OF_PERSON, studentPerson, type Person } from "../people";
import { lockAndRecheck } from "./access-row";
import { issueLink, newLink } from "./links";
import { emailProblem, refusedAs } from "./outcome";

/**
 * "Recevoir un nouveau lien" / "Mot de passe oublié ?": a fresh link for the enabled access that signs
 * in with this email. Disabled or never-enabled accesses get nothing. Returns how many links were
 * sent (0 or 1), for tests; the page answers the same whatever the number.
 */
export async function sendLinksToAddress(email: string, now = new Date()): Promise<number> {
  const key = emailKey(email);
  if (!key) return 0;
  const accesses = await getDb().portalAccess.findMany({
    where: { enabled: true, signInEmail: key },
    include: {
      student: { include: { school: { select: SCHOOL_OF_PERSON } } },
      guardian: { include: { students: { include: { student: { include: { school: { select: SCHOOL_OF_PERSON } } } } } } },
    },
    take: 10,
  });
  let sent = 0;
  for (const access of accesses) {
    // A parent is written to on behalf of their first child's school (one without children, never
    // expected, still gets their link).
    const school = access.guardian?.students[0]?.student.school ?? { name: "", contactEmail: null, timeZone: DEFAULT_TIME_ZONE };
    const person: Person = access.student
      ? studentPerson({ ...access.student, access })
      : guardianPerson(
          access.guardian!,
          school,
          access.guardian!.students.map(({ student }) => `${student.firstName} ${student.lastName}`),
          access.id,
        );
    if (emailProblem(person)) continue;
    // « Mot de passe oublié ? » from a person with a password; a never-activated person asking for a
    // new link (theirs expired) gets the invitation again.
    const link = newLink(person, null, now, access.passwordHash ? "self_reset" : "invitation");
    const done = await refusedAs(() =>
      getDb().$transaction(async (tx) => {
        const current = await lockAndRecheck(tx, person, access.id);
        if (!current.enabled) throw new AppError("not_enabled");
        await issueLink(tx, null, person, access.id, { copyToStaff: false, now, link });
        return true;
      }),
    );
    if (done === true) sent += 1;
  }
  return sent;
}
