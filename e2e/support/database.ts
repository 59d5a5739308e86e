// Reads the e2e database directly, to find the ids the tests need (e.g. a student of each school).
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
