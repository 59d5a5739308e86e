// Usage: npm run bench:students [-- --students 100000] [-- --runs 30] [-- --postgres] [-- --json out.json]
// Times the Étudiants list on a large school: seeds N students (and portal accesses in every state)
// into DATABASE_URL, a temporary SQLite file, or with --postgres the database sesame_bench_<N>, then
// runs each list state through the app (findStudents: Prisma, row mapping) and through its floor
// (the very same SQL statements on the bare driver), interleaved. Prints figures; asserts nothing.
import Database from "better-sqlite3";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import "./lib/allow-server-only";
import { benchDatabase } from "./lib/bench-database";
import { ms, summarize, type Summary } from "./lib/stats";

type Case = { label: string; app: () => Promise<unknown>; floor?: () => Promise<unknown> };
export type StudentBenchResult = { label: string; app: Summary; floor: Summary | null; ratio: number | null };

async function main() {
  const { values } = parseArgs({
    options: {
      students: { type: "string", default: "100000" },
      runs: { type: "string", default: "30" },
      postgres: { type: "boolean", default: false },
      json: { type: "string" },
      // Only the cases whose label holds this text (e.g. --only "Suivi des accès").
      only: { type: "string" },
    },
  });
  const students = Number(values.students);
  const runs = Number(values.runs);
  const { url } = await benchDatabase(`sesame_bench_${students}`, values.postgres, { fromEnvironment: true });
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ||= "bench-secret-that-is-long-enough-for-the-check";

  const { prepareDatabase } = await import("../lib/db/prepare");
  const { providerOf, sqliteFilePath } = await import("../lib/db/provider");
  const { getDb } = await import("../lib/db");
  const { seedDemoSchool } = await import("../prisma/seed/demo-school");
  const { seedAccessMix } = await import("../prisma/seed/access-mix");
  const { findStudentIds, findStudents, getStudentDetails } = await import("../lib/data/students");
  const { previewBulkReminder } = await import("../lib/data/bulk-sends");
  const { getAccessBoard, accessBoardCountStatements } = await import("../lib/data/access-board");
  const { loadStaffContext } = await import("../lib/data/staff");
  const { parseStudentListQuery } = await import("../lib/validation/students");
  const { redactUrl } = await import("./lib/redact-url");
  type SqlRunner = import("../lib/data/student-list-sql").SqlRunner;

  console.log(`Database: ${redactUrl(url)}`);
  await prepareDatabase(url);
  const db = getDb();
  const started = performance.now();
  const seeded = await seedDemoSchool(db, { students, log: console.log });
  if (seeded.seeded) {
    const accesses = await seedAccessMix(db);
    // What autovacuum gives a live PostgreSQL database: statistics, and a visibility map that lets
    // index-only scans skip the table (the access seed just rewrote most Student rows).
    await db.$executeRawUnsafe(providerOf(url) === "postgres" ? "VACUUM ANALYZE" : "ANALYZE");
    console.log(
      `Seed: ${seeded.students} students, ${seeded.guardians} parents, ${accesses} accesses in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } else console.log(`Seed: database already holds ${seeded.students} students`);

  // The floor: the statements findStudents sends, on the driver alone (prepared once, like a hand-written data layer would).
  let floorRunner: SqlRunner;
  let closeFloor: () => Promise<void>;
  if (providerOf(url) === "sqlite") {
    const raw = new Database(sqliteFilePath(url), { readonly: true });
    const statements = new Map<string, Database.Statement>();
    floorRunner = async <T>(sql: { sql: string; values: unknown[] }) => {
      let statement = statements.get(sql.sql);
      if (!statement) statements.set(sql.sql, (statement = raw.prepare(sql.sql)));
      return statement.all(...sql.values) as T[];
    };
    closeFloor = async () => void raw.close();
  } else {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    floorRunner = async <T>(sql: { text: string; values: unknown[] }) => (await pool.query(sql.text, sql.values)).rows as T[];
    closeFloor = () => pool.end();
  }

  const staffFor = async (email: string) => {
    const row = await db.staffUser.findUniqueOrThrow({ where: { email } });
    return (await loadStaffContext(row.id))!;
  };
  const direction = await staffFor("direction@sesame.test");
  const teacher = await staffFor("enseignant@sesame.test");
  const [school] = await db.school.findMany({ orderBy: { name: "asc" }, take: 1 });
  const sample = await db.student.findFirstOrThrow({
    where: { email: { not: null }, guardians: { some: {} } },
    skip: Math.floor(students / 2),
    include: { guardians: { include: { guardian: true } }, schoolClass: true },
  });
  const parent = sample.guardians[0].guardian;

  const list = (label: string, params: Record<string, string>, staff = direction): Case => ({
    label,
    app: () => findStudents(staff, parseStudentListQuery(params)),
    floor: () => findStudents(staff, parseStudentListQuery(params), floorRunner),
  });
  // The follow-up board; its floor sends the three counting statements on the driver (the names of the
  // classes found, a small Prisma read, are the app's share).
  const board = (label: string, staff: typeof direction): Case => ({
    label,
    app: () => getAccessBoard(staff),
    floor: () => {
      const now = new Date();
      return Promise.all(accessBoardCountStatements(staff, now).map((sql) => floorRunner(sql)));
    },
  });
  // « Relancer » on the largest selection allowed: the count the dialog shows. Its floor counts the same
  // ids in one statement on the driver (the app also checks that each id is the staff member's).
  const selected = await findStudentIds(direction, parseStudentListQuery({}), 10_000);
  const { Prisma } = await import("../lib/generated/sqlite/client");
  const ids =
    providerOf(url) === "sqlite"
      ? Prisma.sql`(SELECT value FROM json_each(${JSON.stringify(selected)}))`
      : Prisma.sql`(SELECT unnest(${selected}::text[]))`;
  const pendingCount = Prisma.sql`SELECT
    (SELECT COUNT(*) FROM "Student" WHERE id IN ${ids} AND "accessPhase" = 'pending') AS students,
    (SELECT COUNT(DISTINCT "guardianId") FROM "StudentGuardian" WHERE "studentId" IN ${ids} AND "guardianPhase" = 'pending') AS guardians`;
  const cases: Case[] = [
    list("list, page 1", {}),
    list("list, page 400 (deepest reachable)", { page: "400" }),
    list("list, 100 per page", { taille: "100" }),
    list("search first name « helene »", { q: "helene" }),
    list("search « dupont marie »", { q: "dupont marie" }),
    list("search by email", { q: sample.email! }),
    list("search by student number", { q: sample.studentNumber }),
    list("search by a parent's name", { q: `${parent.firstName} ${parent.lastName}` }),
    list("search by a parent's email", { q: parent.email ?? parent.lastName }),
    list("search, short word « le »", { q: "le" }),
    list("search, no match", { q: "zzzzzz" }),
    list("filter École", { ecole: school.id }),
    list("filter Formation", { formation: sample.programId }),
    list("filter Classe", { classe: sample.classId }),
    list("filter Année", { annee: sample.schoolYearId }),
    list("filter Email renseigné", { email: "renseigne" }),
    list("filter Email manquant", { email: "manquant" }),
    list("filter Accès « Aucun accès »", { acces: "aucun" }),
    list("filter Accès « Invitation envoyée »", { acces: "invitation" }),
    list("filter Accès « Lien expiré »", { acces: "lien-expire" }),
    list("filter Accès « Actif »", { acces: "actif" }),
    list("filter Accès « Désactivé »", { acces: "desactive" }),
    list("filter Classe + Lien expiré + search", { classe: sample.classId, acces: "lien-expire", q: sample.lastName }),
    // « Accès des parents »: EXISTS / NOT EXISTS over each student's parents, checked in list order.
    list("filter Parents « Aucun parent actif »", { "acces-parents": "aucun-actif" }),
    list("filter Parents « Au moins un parent actif »", { "acces-parents": "au-moins-un-actif" }),
    list("filter Parents « Tous les parents actifs »", { "acces-parents": "tous-actifs" }),
    list("filter Parents « Invitation en attente »", { "acces-parents": "invitation" }),
    list("filter Parents « Lien expiré »", { "acces-parents": "lien-expire" }),
    list("filter Parents « Lien expiré », page 40", { "acces-parents": "lien-expire", page: "40" }),
    list("filter Parents « Tous actifs » + Classe", { "acces-parents": "tous-actifs", classe: sample.classId }),
    list("filter Parents « Lien expiré » + Accès Actif", { "acces-parents": "lien-expire", acces: "actif" }),
    list("filter Parents « Lien expiré » + search « marie »", { "acces-parents": "lien-expire", q: "marie" }),
    list("restricted teacher, search « marie »", { q: "marie" }, teacher),
    // The orders (« ?tri= »): by class walks its index; by access, the Accès filter's index state by state.
    list("sort name desc, page 1", { ordre: "desc" }),
    list("sort Classe, page 1", { tri: "classe" }),
    list("sort Classe, page 400", { tri: "classe", page: "400" }),
    list("sort Classe desc, page 1", { tri: "classe", ordre: "desc" }),
    list("sort Classe + filter École", { tri: "classe", ecole: school.id }),
    list("sort Classe + filter Accès « Lien expiré »", { tri: "classe", acces: "lien-expire" }),
    list("sort Classe + Lien expiré, page 300", { tri: "classe", acces: "lien-expire", page: "300" }),
    list("sort Classe + filter Formation", { tri: "classe", formation: sample.programId }),
    list("sort Accès, page 1", { tri: "acces" }),
    list("sort Accès, page 400", { tri: "acces", page: "400" }),
    list("sort Accès desc, page 1", { tri: "acces", ordre: "desc" }),
    list("sort Accès desc, page 400", { tri: "acces", ordre: "desc", page: "400" }),
    list("sort Accès + filter École", { tri: "acces", ecole: school.id }),
    list("sort Accès + search « helene »", { tri: "acces", q: "helene" }),
    list("sort Classe + search « dupont marie »", { tri: "classe", q: "dupont marie" }),
    list("sort Classe + search « helene »", { tri: "classe", q: "helene" }),
    list("restricted teacher, sort Classe", { tri: "classe" }, teacher),
    list("restricted teacher, sort Accès", { tri: "acces" }, teacher),
    {
      label: "bulk: ids of « Lien expiré » (≤ 10,001)",
      app: () => findStudentIds(direction, parseStudentListQuery({ acces: "lien-expire" }), 10_001),
    },
    {
      label: `bulk: « Relancer » count, ${selected.length} selected`,
      app: () => previewBulkReminder(direction, { studentIds: selected }),
      floor: () => floorRunner(pendingCount),
    },
    { label: "profile (student + parents)", app: () => getStudentDetails(direction, sample.id) },
    board("Suivi des accès, every school", direction),
    board("Suivi des accès, restricted teacher", teacher),
  ].filter((entry) => !values.only || entry.label.includes(values.only));

  const samples = new Map(cases.map((entry) => [entry.label, { app: [] as number[], floor: [] as number[] }]));
  const time = async (run: () => Promise<unknown>) => {
    const start = performance.now();
    await run();
    return performance.now() - start;
  };
  for (const entry of cases) {
    await entry.app();
    await entry.floor?.();
  }
  // Interleaved rounds, the order of app and floor swapped every round, so that noise hits both alike.
  for (let round = 0; round < runs; round += 1) {
    for (const entry of cases) {
      const bucket = samples.get(entry.label)!;
      const appFirst = round % 2 === 0;
      if (appFirst) bucket.app.push(await time(entry.app));
      if (entry.floor) bucket.floor.push(await time(entry.floor));
      if (!appFirst) bucket.app.push(await time(entry.app));
    }
  }

  const results: StudentBenchResult[] = cases.map((entry) => {
    const bucket = samples.get(entry.label)!;
    const app = summarize(bucket.app);
    const floor = bucket.floor.length ? summarize(bucket.floor) : null;
    return { label: entry.label, app, floor, ratio: floor ? app.p50 / floor.p50 : null };
  });
  const provider = providerOf(url);
  console.log(`\n${provider}, ${seeded.students} students; ms over ${runs} interleaved runs after 1 warm-up`);
  console.log(
    `${"query".padEnd(44)} ${"app p50".padStart(8)} ${"app p95".padStart(8)} ${"floor p50".padStart(10)} ${"floor p95".padStart(10)} ${"app÷floor".padStart(10)}`,
  );
  for (const { label, app, floor, ratio } of results) {
    console.log(
      `${label.padEnd(44)} ${ms(app.p50).padStart(8)} ${ms(app.p95).padStart(8)} ${ms(floor?.p50 ?? NaN).padStart(10)} ${ms(floor?.p95 ?? NaN).padStart(10)} ${(ratio ? ratio.toFixed(2) : "–").padStart(10)}`,
    );
  }
  if (values.json) writeFileSync(values.json, JSON.stringify({ provider, students: seeded.students, runs, results }, null, 2));
  await closeFloor();
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
