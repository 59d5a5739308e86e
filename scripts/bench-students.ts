// Usage: npm run bench:students [-- --students 100000] [-- --runs 20]
// Measures the Étudiants list on a large school: seeds N students into DATABASE_URL (a temporary
// SQLite file when unset) if it is empty, then times the list queries the page runs. Prints figures;
// asserts nothing.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import "./lib/allow-server-only";

async function main() {
  const { values } = parseArgs({
    options: { students: { type: "string", default: "100000" }, runs: { type: "string", default: "15" } },
  });
  const students = Number(values.students);
  const runs = Number(values.runs);
  process.env.DATABASE_URL ||= `file:${path.join(mkdtempSync(path.join(os.tmpdir(), "sesame-bench-")), "bench.db")}`;
  process.env.AUTH_SECRET ||= "bench-secret-that-is-long-enough-for-the-check";

  const { prepareDatabase } = await import("../lib/db/prepare");
  const { getDb } = await import("../lib/db");
  const { seedDemoSchool } = await import("../prisma/seed/demo-school");
  const { findStudents, getStudentDetails } = await import("../lib/data/students");
  const { loadStaffContext } = await import("../lib/data/staff");
  const { parseStudentListQuery } = await import("../lib/validation/students");
  const { redactUrl } = await import("./lib/redact-url");

  const url = process.env.DATABASE_URL;
  console.log(`Database: ${redactUrl(url)}`);
  await prepareDatabase(url);
  const db = getDb();
  let started = performance.now();
  const seeded = await seedDemoSchool(db, { students });
  if (seeded.seeded) console.log(`Seed: ${seeded.students} students, ${seeded.guardians} parents in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  else console.log(`Seed: database already holds ${seeded.students} students`);

  const staffFor = async (email: string) => {
    const row = await db.staffUser.findUniqueOrThrow({ where: { email } });
    return (await loadStaffContext(row.id))!;
  };
  const direction = await staffFor("direction@sesame.test");
  const teacher = await staffFor("enseignant@sesame.test");
  const [firstSchool] = await db.school.findMany({ orderBy: { name: "asc" }, take: 1 });
  const sample = await db.student.findFirstOrThrow({ where: { email: { not: null } }, skip: Math.floor(students / 2) });

  const cases: [string, () => Promise<unknown>][] = [
    ["list, page 1", () => findStudents(direction, parseStudentListQuery({}))],
    ["list, page 2000 (deep offset)", () => findStudents(direction, parseStudentListQuery({ page: "2000" }))],
    ["list, 100 per page", () => findStudents(direction, parseStudentListQuery({ taille: "100" }))],
    ["search « helene »", () => findStudents(direction, parseStudentListQuery({ q: "helene" }))],
    ["search « dupont marie »", () => findStudents(direction, parseStudentListQuery({ q: "dupont marie" }))],
    ["search by email", () => findStudents(direction, parseStudentListQuery({ q: sample.email! }))],
    ["search by student number", () => findStudents(direction, parseStudentListQuery({ q: sample.studentNumber }))],
    ["search, no match", () => findStudents(direction, parseStudentListQuery({ q: "zzzzzz" }))],
    ["filter school + email manquant", () => findStudents(direction, parseStudentListQuery({ ecole: firstSchool.id, email: "manquant" }))],
    ["filter Accès « Aucun accès »", () => findStudents(direction, parseStudentListQuery({ acces: "aucun" }))],
    ["filter Accès « Invitation envoyée »", () => findStudents(direction, parseStudentListQuery({ acces: "invitation" }))],
    ["restricted teacher, search « marie »", () => findStudents(teacher, parseStudentListQuery({ q: "marie" }))],
    ["profile (student + parents)", () => getStudentDetails(direction, sample.id)],
  ];

  console.log(`\n${"query".padEnd(40)} ${"median".padStart(9)} ${"p95".padStart(9)} ${"max".padStart(9)}  (ms, ${runs} runs after 1 warm-up)`);
  for (const [label, run] of cases) {
    await run();
    const times: number[] = [];
    for (let index = 0; index < runs; index += 1) {
      started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (fraction: number) => times[Math.min(times.length - 1, Math.floor(fraction * times.length))].toFixed(1);
    console.log(`${label.padEnd(40)} ${at(0.5).padStart(9)} ${at(0.95).padStart(9)} ${times[times.length - 1].toFixed(1).padStart(9)}`);
  }
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
