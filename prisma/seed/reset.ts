import type { Database } from "../../lib/db/client";

/** Deletes every row, children first. For seeds and benchmarks on throwaway databases only. */
export async function resetDatabase(db: Database): Promise<void> {
  await db.$transaction([
    db.bulkSendItem.deleteMany(),
    db.outboxMessage.deleteMany(),
    db.bulkSend.deleteMany(),
    db.accessEvent.deleteMany(),
    db.activationLink.deleteMany(),
    db.portalAccess.deleteMany(),
    db.studentGuardian.deleteMany(),
    db.student.deleteMany(),
    db.guardian.deleteMany(),
    db.staffSchool.deleteMany(),
    db.staffUser.deleteMany(),
    db.roleRight.deleteMany(),
    db.role.deleteMany(),
    db.schoolClass.deleteMany(),
    db.program.deleteMany(),
    db.schoolYear.deleteMany(),
    db.school.deleteMany(),
    db.organization.deleteMany(),
  ]);
}
