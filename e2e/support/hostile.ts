// What the hostile-request suites share: signed-in cookies, the build's action ids, canary students
// that no other test touches, a snapshot of what a refused call could change, and the checks every
// answer must pass.
import type { Browser } from "playwright-core";
import { createDatabaseClient } from "@/lib/db/client";
import { DEMO_ORGANIZATION } from "@/prisma/seed/demo-school";
import { actionIdsOf } from "../../scripts/lib/built-app";
import { signedInPage, type DemoRole } from "./browser";
import { send, type RawAnswer, type RawRequest } from "./raw-http";

export type Hostile = { label: string; request: RawRequest };

/** The Cookie header of a demo staff member signed in through the real form. */
export async function cookieOf(browser: Browser, role: DemoRole): Promise<string> {
  const { context } = await signedInPage(browser, role);
  const jar = await context.cookies();
  await context.close();
  return jar.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/** Each server action's id in the running build, by its exported name. */
export function actionIdsOfBuild(): Record<string, string> {
  return actionIdsOf(process.cwd(), process.env.E2E_DIST_DIR ?? ".next-e2e");
}

async function withDatabase<T>(work: (db: ReturnType<typeof createDatabaseClient>) => Promise<T>): Promise<T> {
  const db = createDatabaseClient(process.env.E2E_DATABASE_URL!);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/** Three past-year students: no other test touches them. */
export async function canaryStudentIds(): Promise<string[]> {
  const canaries = await withDatabase((db) =>
    db.student.findMany({ where: { schoolYear: { label: "2025-2026" }, hasEmail: true }, take: 3, orderBy: { id: "asc" } }),
  );
  return canaries.map((student) => student.id);
}

/**
 * What a refused or malformed call could change: the canary students' access and the demo
 * organisation's people and accounts (the calls come from its staff). Other tests create their own
 * organisations meanwhile: those are left out.
 */
export function databaseState(canaryIds: string[]) {
  const demo = { name: DEMO_ORGANIZATION };
  return withDatabase(async (db) => ({
    canaries: await db.student.findMany({
      where: { id: { in: canaryIds } },
      orderBy: { id: "asc" },
      select: { id: true, email: true, searchText: true, access: { include: { events: true, links: true } } },
    }),
    students: await db.student.count({ where: { school: { organization: demo } } }),
    guardians: await db.guardian.count({ where: { students: { some: { student: { school: { organization: demo } } } } } }),
    staff: await db.staffUser.findMany({
      where: { organization: demo },
      orderBy: { id: "asc" },
      select: { id: true, email: true, active: true, roleId: true },
    }),
    roleRights: await db.roleRight.count({ where: { role: { organization: demo } } }),
    hostileMail: await db.outboxMessage.count({ where: { OR: [{ toAddress: { contains: "evil" } }, { toAddress: { contains: "\n" } }] } }),
  }));
}

export const BOUNDARY = "----SesameHostileBoundary4b1e";
export function multipartBody(parts: Record<string, string>): string {
  const fields = Object.entries(parts).map(
    ([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return `${fields.join("")}--${BOUNDARY}--\r\n`;
}

// Next.js answers "/etudiants/" and "//x" with its own 308 to the clean path, before any header of
// the app applies; such an answer has no content to protect, and its Location is checked apart.
const isNextSlashRedirect = (answer: RawAnswer) => answer.status === 308 && (answer.headers["location"] ?? "").startsWith("/");

/** What is wrong with an answer: a server error, a missing security header, a stack trace. */
export function securityProblems(answer: RawAnswer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  if (isNextSlashRedirect(answer)) return problems;
  if (answer.headers["x-content-type-options"] !== "nosniff") problems.push("no nosniff");
  if (answer.headers["x-frame-options"] !== "DENY") problems.push("no X-Frame-Options");
  if ((answer.headers["content-type"] ?? "").includes("text/html")) {
    const policy = answer.headers["content-security-policy"] ?? "";
    if (!policy.includes("frame-ancestors 'none'") || !/script-src [^;]*'nonce-/.test(policy)) problems.push("no CSP with a nonce");
  }
  if (/\n\s+at .+:\d+:\d+/.test(answer.body)) problems.push("stack trace in the body");
  return problems;
}

/** Sends each request and lists those answered with a server error or without the headers. */
export async function problemsOf(requests: Hostile[]): Promise<string[]> {
  const problems: string[] = [];
  for (const { label, request } of requests) {
    const answer = await send(request);
    const found = securityProblems(answer);
    if (found.length) problems.push(`${label} → ${answer.status}: ${found.join(", ")}`);
  }
  return problems;
}
