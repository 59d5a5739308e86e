// The staff of the load benchmark: as many accounts as asked, each a copy of a demo account that may
// see students (Direction, Secrétariat, and the Enseignant restricted to one school, in turn), each
// signed in through the real next-auth form, so every one holds its own recorded StaffSession.
import type { Database } from "../../lib/db/client";
import { DEMO_PASSWORD, DEMO_STAFF } from "../../prisma/seed/demo-school";
import { RIGHTS } from "../../lib/rights";

export type LoadStaffMember = { email: string; schoolIds: string[] | null };
export type SignedInStaff = LoadStaffMember & { cookie: string };

/** `count` staff accounts that may view students (created once, kept in the benchmark's database). */
export async function ensureLoadStaff(db: Database, count: number): Promise<LoadStaffMember[]> {
  const templates = [];
  for (const demo of DEMO_STAFF.filter((member) => (member.rights as readonly string[]).includes(RIGHTS.viewStudent))) {
    templates.push(await db.staffUser.findUniqueOrThrow({ where: { email: demo.email }, include: { schools: true } }));
  }
  const members: LoadStaffMember[] = [];
  for (let index = 0; index < count; index++) {
    const template = templates[index % templates.length];
    const email = index < templates.length ? template.email : `charge-${index}@sesame.test`;
    const schoolIds = template.schools.map((access) => access.schoolId);
    if (index >= templates.length) {
      await db.staffUser.upsert({
        where: { email },
        update: {},
        create: {
          email,
          name: `Chargé ${index}`,
          passwordHash: template.passwordHash,
          organizationId: template.organizationId,
          roleId: template.roleId,
          schools: schoolIds.length ? { create: schoolIds.map((schoolId) => ({ schoolId })) } : undefined,
        },
      });
    }
    members.push({ email, schoolIds: schoolIds.length ? schoolIds : null });
  }
  return members;
}

const cookiesOf = (answer: Response) => answer.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);

/** Signs in through next-auth's credentials callback, as the sign-in form does; the session cookie. */
export async function signInOverHttp(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiesOf(answer).find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in of ${email} failed: HTTP ${answer.status}`);
  return session;
}
