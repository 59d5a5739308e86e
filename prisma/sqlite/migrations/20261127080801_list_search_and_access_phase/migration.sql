-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Student" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "studentNumber" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthDate" DATETIME NOT NULL,
    "photoUrl" TEXT,
    "email" TEXT,
    "emailKey" TEXT,
    "phone" TEXT,
    "schoolId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "schoolYearId" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "guardianSearchText" TEXT NOT NULL DEFAULT '',
    "sortKey" TEXT NOT NULL,
    "hasEmail" BOOLEAN NOT NULL DEFAULT false,
    "accessPhase" TEXT NOT NULL DEFAULT 'none',
    "accessLinkExpiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Student_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Student_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Student_classId_fkey" FOREIGN KEY ("classId") REFERENCES "SchoolClass" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Student_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES "SchoolYear" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Student" ("birthDate", "classId", "createdAt", "email", "emailKey", "firstName", "guardianSearchText", "hasEmail", "id", "lastName", "phone", "photoUrl", "programId", "schoolId", "schoolYearId", "searchText", "sortKey", "studentNumber", "updatedAt") SELECT "birthDate", "classId", "createdAt", "email", "emailKey", "firstName", "guardianSearchText", "hasEmail", "id", "lastName", "phone", "photoUrl", "programId", "schoolId", "schoolYearId", "searchText", "sortKey", "studentNumber", "updatedAt" FROM "Student";
DROP TABLE "Student";
ALTER TABLE "new_Student" RENAME TO "Student";
CREATE UNIQUE INDEX "Student_studentNumber_key" ON "Student"("studentNumber");
CREATE INDEX "Student_sortKey_id_schoolId_searchText_idx" ON "Student"("sortKey", "id", "schoolId", "searchText");
CREATE INDEX "Student_schoolId_sortKey_idx" ON "Student"("schoolId", "sortKey");
CREATE INDEX "Student_programId_sortKey_id_schoolId_idx" ON "Student"("programId", "sortKey", "id", "schoolId");
CREATE INDEX "Student_classId_sortKey_id_schoolId_idx" ON "Student"("classId", "sortKey", "id", "schoolId");
CREATE INDEX "Student_schoolYearId_sortKey_id_schoolId_idx" ON "Student"("schoolYearId", "sortKey", "id", "schoolId");
CREATE INDEX "Student_hasEmail_sortKey_id_schoolId_idx" ON "Student"("hasEmail", "sortKey", "id", "schoolId");
CREATE INDEX "Student_emailKey_idx" ON "Student"("emailKey");
CREATE INDEX "Student_accessPhase_sortKey_id_schoolId_accessLinkExpiresAt_idx" ON "Student"("accessPhase", "sortKey", "id", "schoolId", "accessLinkExpiresAt");
CREATE INDEX "Student_accessPhase_accessLinkExpiresAt_idx" ON "Student"("accessPhase", "accessLinkExpiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Written by hand (docs/decisions/007-list-search.md). A migration that redefines "Student" or
-- "PortalAccess" drops their triggers: it must create them again (a test checks they work).

-- The list's Accès filter reads Student."accessPhase", kept equal to the student's PortalAccess row.
-- The view says the phase of an access once; the backfill and the triggers read it.
CREATE VIEW "PortalAccessPhase" AS
SELECT "id", "studentId", "linkExpiresAt", CASE
    WHEN NOT "enabled" THEN CASE WHEN "disabledAt" IS NULL THEN 'none' ELSE 'disabled' END
    WHEN "passwordHash" IS NOT NULL THEN 'active'
    ELSE 'pending' END AS "phase"
FROM "PortalAccess";

UPDATE "Student" SET
  "accessPhase" = COALESCE((SELECT a."phase" FROM "PortalAccessPhase" a WHERE a."studentId" = "Student"."id"), 'none'),
  "accessLinkExpiresAt" = (SELECT a."linkExpiresAt" FROM "PortalAccess" a WHERE a."studentId" = "Student"."id");

CREATE TRIGGER "PortalAccess_student_phase_insert" AFTER INSERT ON "PortalAccess" WHEN NEW."studentId" IS NOT NULL
BEGIN
  UPDATE "Student" SET
    "accessPhase" = (SELECT "phase" FROM "PortalAccessPhase" WHERE "id" = NEW."id"),
    "accessLinkExpiresAt" = NEW."linkExpiresAt"
  WHERE "id" = NEW."studentId";
END;

CREATE TRIGGER "PortalAccess_student_phase_update"
AFTER UPDATE OF "studentId", "enabled", "passwordHash", "disabledAt", "linkExpiresAt" ON "PortalAccess"
BEGIN
  UPDATE "Student" SET "accessPhase" = 'none', "accessLinkExpiresAt" = NULL
  WHERE "id" = OLD."studentId" AND OLD."studentId" IS NOT NEW."studentId";
  UPDATE "Student" SET
    "accessPhase" = (SELECT "phase" FROM "PortalAccessPhase" WHERE "id" = NEW."id"),
    "accessLinkExpiresAt" = NEW."linkExpiresAt"
  WHERE "id" = NEW."studentId";
END;

CREATE TRIGGER "PortalAccess_student_phase_delete" AFTER DELETE ON "PortalAccess" WHEN OLD."studentId" IS NOT NULL
BEGIN
  UPDATE "Student" SET "accessPhase" = 'none', "accessLinkExpiresAt" = NULL WHERE "id" = OLD."studentId";
END;

-- Substring search: an FTS5 trigram index over the student's own text and their parents' text.
-- FTS5 rows are keyed by an integer; "StudentSearchRow" gives each student a stable one (an
-- INTEGER PRIMARY KEY survives VACUUM and table rebuilds, a plain rowid does not), with the school
-- and sort key, so that a search within the staff member's schools, in list order, reads no Student row.
CREATE TABLE "StudentSearchRow" (
  "key" INTEGER PRIMARY KEY,
  "studentId" TEXT NOT NULL UNIQUE,
  "schoolId" TEXT NOT NULL,
  "sortKey" TEXT NOT NULL
);
CREATE VIRTUAL TABLE "StudentSearch" USING fts5("own", "family", tokenize = 'trigram', columnsize = 0);

INSERT INTO "StudentSearchRow" ("studentId", "schoolId", "sortKey") SELECT "id", "schoolId", "sortKey" FROM "Student" ORDER BY "sortKey";
INSERT INTO "StudentSearch" ("rowid", "own", "family")
  SELECT r."key", s."searchText", s."guardianSearchText" FROM "StudentSearchRow" r JOIN "Student" s ON s."id" = r."studentId";

CREATE TRIGGER "Student_search_insert" AFTER INSERT ON "Student"
BEGIN
  INSERT INTO "StudentSearchRow" ("studentId", "schoolId", "sortKey") VALUES (NEW."id", NEW."schoolId", NEW."sortKey");
  INSERT INTO "StudentSearch" ("rowid", "own", "family")
    SELECT "key", NEW."searchText", NEW."guardianSearchText" FROM "StudentSearchRow" WHERE "studentId" = NEW."id";
END;

CREATE TRIGGER "Student_search_update" AFTER UPDATE OF "searchText", "guardianSearchText", "schoolId", "sortKey" ON "Student"
BEGIN
  UPDATE "StudentSearchRow" SET "schoolId" = NEW."schoolId", "sortKey" = NEW."sortKey"
  WHERE "studentId" = NEW."id" AND ("schoolId" IS NOT NEW."schoolId" OR "sortKey" IS NOT NEW."sortKey");
  UPDATE "StudentSearch" SET "own" = NEW."searchText", "family" = NEW."guardianSearchText"
  WHERE "rowid" = (SELECT "key" FROM "StudentSearchRow" WHERE "studentId" = NEW."id")
    AND (OLD."searchText" IS NOT NEW."searchText" OR OLD."guardianSearchText" IS NOT NEW."guardianSearchText");
END;

CREATE TRIGGER "Student_search_delete" AFTER DELETE ON "Student"
BEGIN
  DELETE FROM "StudentSearch" WHERE "rowid" = (SELECT "key" FROM "StudentSearchRow" WHERE "studentId" = OLD."id");
  DELETE FROM "StudentSearchRow" WHERE "studentId" = OLD."id";
END;
