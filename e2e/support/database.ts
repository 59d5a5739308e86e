// Reads the e2e database directly: the demo students that read-only tests look at (e.g. one of each
// school), and what a link token has become. Tests that change data create their own: factories.ts.
import { createDatabaseClient } from "@/lib/db/client";
import { DEMO_SCHOOLS } from "@/prisma/seed/demo-school";

/** The first student (in list order) of the first demo school, and of the second. */
export async function demoStudentIds() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("the e2e global setup did not create the database");
  const db = createDatabaseClient(url);
  try {
    const [first, second] = await Promise.all(
      DEMO_SCHOOLS.map((school) =>
        db.student.findFirstOrThrow({
          where: { school: { name: school.name } },
          orderBy: { sortKey: "asc" },
          select: { id: true, firstName: true, lastName: true },
        }),
      ),
    );
    return { firstSchool: first, secondSchool: second };
  } finally {
    await db.$disconnect();
  }
}

/** Demo students with a valid email and no portal access yet, with their parents (the bundle benchmark enables one). */
export async function studentsWithoutAccess(count: number, skip: number, order: "asc" | "desc" = "desc") {
  const url = process.env.E2E_DATABASE_URL!;
  const db = createDatabaseClient(url);
  try {
    const students = await db.student.findMany({
      where: { email: { endsWith: "@eleves.sesame.test" }, access: { is: null }, schoolYear: { label: "2026-2027" } },
      orderBy: { studentNumber: order },
      skip,
      take: count,
      include: { guardians: { include: { guardian: true } } },
    });
    if (students.length < count) throw new Error("not enough demo students without access");
    return students;
  } finally {
    await db.$disconnect();
  }
}

/** Whether an activation link token still works, read from the database (revoked, used or expired: false). */
export async function linkIsUsable(tokenHash: string): Promise<boolean> {
  const db = createDatabaseClient(process.env.E2E_DATABASE_URL!);
  try {
    const link = await db.activationLink.findUnique({ where: { tokenHash } });
    return !!link && !link.revokedAt && !link.usedAt && link.expiresAt > new Date();
  } finally {
    await db.$disconnect();
  }
}
