/** @jest-environment node */
// A database that answers but is locked by someone else for longer than the lock wait: staff are told
// it is busy (not that the server does not answer), and nothing is changed.
import Sqlite from "better-sqlite3";
import { Client } from "pg";
import { enableAccessHandler } from "@/lib/actions/handlers/access";
import { LOCK_WAIT_MS } from "@/lib/db/adapters";
import { providerOf, sqliteFilePath } from "@/lib/db/provider";
import { getDb } from "@/lib/db";
import { loadStaffSession, openStaffSession } from "@/lib/data/staff-sessions";
import { RIGHTS } from "@/lib/rights";
import { createStaff, createStudent, createWorld } from "../factories/school";

/** Another process's transaction holding every table of interest, as a long import would. */
async function holdLocks(): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL!;
  if (providerOf(url) === "sqlite") {
    const other = new Sqlite(sqliteFilePath(url));
    other.exec("BEGIN EXCLUSIVE");
    return async () => {
      other.exec("ROLLBACK");
      other.close();
    };
  }
  const other = new Client({ connectionString: url });
  await other.connect();
  await other.query('BEGIN; LOCK TABLE "StaffSession", "PortalAccess" IN ACCESS EXCLUSIVE MODE');
  return async () => {
    await other.query("ROLLBACK");
    await other.end();
  };
}

it("answers database_busy while the session is read, and changes nothing", async () => {
  const world = await createWorld();
  const staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
  const student = await createStudent(world, { firstName: "Verrou", lastName: "Occupé" });
  const sessionId = await openStaffSession(staff.id);
  const release = await holdLocks();
  let result;
  try {
    result = await enableAccessHandler(() => loadStaffSession(sessionId, staff.id), { studentId: student.id });
  } finally {
    await release();
  }
  expect(result).toEqual({ ok: false, error: "database_busy" });
  expect(await getDb().portalAccess.count({ where: { studentId: student.id } })).toBe(0);
  expect(await enableAccessHandler(() => loadStaffSession(sessionId, staff.id), { studentId: student.id })).toMatchObject({ ok: true });
}, LOCK_WAIT_MS * 4);
