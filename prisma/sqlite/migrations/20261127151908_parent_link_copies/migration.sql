-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StudentGuardian" (
    "studentId" TEXT NOT NULL,
    "guardianId" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL DEFAULT '',
    "programId" TEXT NOT NULL DEFAULT '',
    "classId" TEXT NOT NULL DEFAULT '',
    "guardianPhase" TEXT NOT NULL DEFAULT 'none',
    "guardianLinkExpiresAt" DATETIME,

    PRIMARY KEY ("studentId", "guardianId"),
    CONSTRAINT "StudentGuardian_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StudentGuardian_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES "Guardian" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_StudentGuardian" ("guardianId", "relationship", "studentId") SELECT "guardianId", "relationship", "studentId" FROM "StudentGuardian";
DROP TABLE "StudentGuardian";
ALTER TABLE "new_StudentGuardian" RENAME TO "StudentGuardian";
CREATE INDEX "StudentGuardian_guardianId_schoolId_programId_classId_guardianPhase_guardianLinkExpiresAt_idx" ON "StudentGuardian"("guardianId", "schoolId", "programId", "classId", "guardianPhase", "guardianLinkExpiresAt");
CREATE INDEX "StudentGuardian_schoolId_programId_classId_guardianPhase_guardianLinkExpiresAt_idx" ON "StudentGuardian"("schoolId", "programId", "classId", "guardianPhase", "guardianLinkExpiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Written by hand (docs/decisions/015-parent-link-copies.md).
-- StudentGuardian keeps copies of its student's place and of its parent's access phase.
CREATE VIEW "GuardianAccessPhase" AS
SELECT "guardianId", "linkExpiresAt", CASE
    WHEN NOT "enabled" THEN CASE WHEN "disabledAt" IS NULL THEN 'none' ELSE 'disabled' END
    WHEN "passwordHash" IS NOT NULL THEN 'active'
    ELSE 'pending' END AS "phase"
FROM "PortalAccess" WHERE "guardianId" IS NOT NULL;

UPDATE "StudentGuardian" SET
  ("schoolId", "programId", "classId") = (SELECT "schoolId", "programId", "classId" FROM "Student" WHERE "id" = "StudentGuardian"."studentId"),
  "guardianPhase" = COALESCE((SELECT "phase" FROM "GuardianAccessPhase" a WHERE a."guardianId" = "StudentGuardian"."guardianId"), 'none'),
  "guardianLinkExpiresAt" = (SELECT "linkExpiresAt" FROM "GuardianAccessPhase" a WHERE a."guardianId" = "StudentGuardian"."guardianId");

CREATE TRIGGER "StudentGuardian_copies_insert" AFTER INSERT ON "StudentGuardian"
BEGIN
  UPDATE "StudentGuardian" SET
    ("schoolId", "programId", "classId") = (SELECT "schoolId", "programId", "classId" FROM "Student" WHERE "id" = NEW."studentId"),
    "guardianPhase" = COALESCE((SELECT "phase" FROM "GuardianAccessPhase" WHERE "guardianId" = NEW."guardianId"), 'none'),
    "guardianLinkExpiresAt" = (SELECT "linkExpiresAt" FROM "GuardianAccessPhase" WHERE "guardianId" = NEW."guardianId")
  WHERE "studentId" = NEW."studentId" AND "guardianId" = NEW."guardianId";
END;

CREATE TRIGGER "StudentGuardian_copies_update" AFTER UPDATE OF "studentId", "guardianId" ON "StudentGuardian"
BEGIN
  UPDATE "StudentGuardian" SET
    ("schoolId", "programId", "classId") = (SELECT "schoolId", "programId", "classId" FROM "Student" WHERE "id" = NEW."studentId"),
    "guardianPhase" = COALESCE((SELECT "phase" FROM "GuardianAccessPhase" WHERE "guardianId" = NEW."guardianId"), 'none'),
    "guardianLinkExpiresAt" = (SELECT "linkExpiresAt" FROM "GuardianAccessPhase" WHERE "guardianId" = NEW."guardianId")
  WHERE "studentId" = NEW."studentId" AND "guardianId" = NEW."guardianId";
END;

CREATE TRIGGER "Student_place_update" AFTER UPDATE OF "schoolId", "programId", "classId" ON "Student"
BEGIN
  UPDATE "StudentGuardian" SET "schoolId" = NEW."schoolId", "programId" = NEW."programId", "classId" = NEW."classId"
  WHERE "studentId" = NEW."id";
END;

CREATE TRIGGER "PortalAccess_guardian_phase_insert" AFTER INSERT ON "PortalAccess" WHEN NEW."guardianId" IS NOT NULL
BEGIN
  UPDATE "StudentGuardian" SET
    "guardianPhase" = (SELECT "phase" FROM "GuardianAccessPhase" WHERE "guardianId" = NEW."guardianId"),
    "guardianLinkExpiresAt" = NEW."linkExpiresAt"
  WHERE "guardianId" = NEW."guardianId";
END;

CREATE TRIGGER "PortalAccess_guardian_phase_update"
AFTER UPDATE OF "guardianId", "enabled", "passwordHash", "disabledAt", "linkExpiresAt" ON "PortalAccess"
BEGIN
  UPDATE "StudentGuardian" SET "guardianPhase" = 'none', "guardianLinkExpiresAt" = NULL
  WHERE "guardianId" = OLD."guardianId" AND OLD."guardianId" IS NOT NEW."guardianId";
  UPDATE "StudentGuardian" SET
    "guardianPhase" = (SELECT "phase" FROM "GuardianAccessPhase" WHERE "guardianId" = NEW."guardianId"),
    "guardianLinkExpiresAt" = NEW."linkExpiresAt"
  WHERE "guardianId" = NEW."guardianId";
END;

CREATE TRIGGER "PortalAccess_guardian_phase_delete" AFTER DELETE ON "PortalAccess" WHEN OLD."guardianId" IS NOT NULL
BEGIN
  UPDATE "StudentGuardian" SET "guardianPhase" = 'none', "guardianLinkExpiresAt" = NULL WHERE "guardianId" = OLD."guardianId";
END;
