/** @jest-environment node */
// A database that answers but is locked by someone else for longer than the lock wait: staff are told
// it is busy (not that the server does not answer), and nothing is changed.
import Sqlite from "better-sqlite3";
import { Client } from "pg";
import { enableAccess } from "@/lib/actions/handlers/access";
import { LOCK_WAIT_MS } from "@/lib/db/adapters";
import { providerOf, sqliteFilePath } from "@/lib/db/provider";
import { getDb } from "@/lib/db";
import { loadStaffSession, openStaffSession } from "@/lib/data/staff-sessions";
import { findStudents } from "@/lib/data/students";
import { parseStudentListQuery } from "@/lib/validation/students";
import { RIGHTS } from "@/lib/rights";
import { createStaff, createStudent, createWorld } from "../factories/school";

/**
 * Another process inside a transaction opened with `sql` (SQLite) or `postgresSql`, as a long import
 * would be; returns what ends it.
 */
async function otherProcessInTransaction(sqliteSql: string, postgresSql: string): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL!;
  if (providerOf(url) === "sqlite") {
    const other = new Sqlite(sqliteFilePath(url));
    other.exec(sqliteSql);
    return async () => {
      other.exec("ROLLBACK");
      other.close();
    };
  }
  const other = new Client({ connectionString: url });
  await other.connect();
  await other.query(postgresSql);
  return async () => {
    await other.query("ROLLBACK");
    await other.end();
  };
}

/** Holding every table of interest: nobody else may write (nor read, on PostgreSQL). */
const holdLocks = () =>
  otherProcessInTransaction("BEGIN EXCLUSIVE", 'BEGIN; LOCK TABLE "StaffSession", "PortalAccess" IN ACCESS EXCLUSIVE MODE');

/** In the middle of writing (an import, a bulk send being prepared): reads are allowed. */
const holdWrites = () =>
  otherProcessInTransaction(
    'BEGIN EXCLUSIVE; UPDATE "Student" SET "updatedAt" = "updatedAt"',
    'BEGIN; LOCK TABLE "Student", "PortalAccess" IN EXCLUSIVE MODE; UPDATE "Student" SET "updatedAt" = "updatedAt"',
  );

it(
  "lets pages read while another process holds a write transaction (SQLite in write-ahead-log mode)",
  async () => {
    const world = await createWorld();
    const staff = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    await createStudent(world, { firstName: "Lecture", lastName: "Libre" });
    const release = await holdWrites();
    try {
      const started = Date.now();
      const page = await findStudents(staff, parseStudentListQuery({ q: "lecture" }));
      expect(page.rows.map((row) => row.lastName)).toEqual(["Libre"]);
      expect(Date.now() - started).toBeLessThan(LOCK_WAIT_MS);
    } finally {
      await release();
    }
  },
  LOCK_WAIT_MS * 4,
);

it(
  "answers database_busy while the session is read, and changes nothing",
  async () => {
    const world = await createWorld();
    const staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
    const student = await createStudent(world, { firstName: "Verrou", lastName: "Occupé" });
    const sessionId = await openStaffSession(staff.id);
    const release = await holdLocks();
    let result;
    try {
      result = await enableAccess(() => loadStaffSession(sessionId, staff.id), { studentId: student.id });
    } finally {
      await release();
    }
    expect(result).toEqual({ ok: false, error: "database_busy" });
    expect(await getDb().portalAccess.count({ where: { studentId: student.id } })).toBe(0);
    expect(await enableAccess(() => loadStaffSession(sessionId, staff.id), { studentId: student.id })).toMatchObject({ ok: true });
  },
  LOCK_WAIT_MS * 4,
);
