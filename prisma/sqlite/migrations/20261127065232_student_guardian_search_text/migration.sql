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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Student_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Student_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Student_classId_fkey" FOREIGN KEY ("classId") REFERENCES "SchoolClass" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Student_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES "SchoolYear" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Student" ("birthDate", "classId", "createdAt", "email", "emailKey", "firstName", "hasEmail", "id", "lastName", "phone", "photoUrl", "programId", "schoolId", "schoolYearId", "searchText", "sortKey", "studentNumber", "updatedAt") SELECT "birthDate", "classId", "createdAt", "email", "emailKey", "firstName", "hasEmail", "id", "lastName", "phone", "photoUrl", "programId", "schoolId", "schoolYearId", "searchText", "sortKey", "studentNumber", "updatedAt" FROM "Student";
DROP TABLE "Student";
ALTER TABLE "new_Student" RENAME TO "Student";
CREATE UNIQUE INDEX "Student_studentNumber_key" ON "Student"("studentNumber");
CREATE INDEX "Student_sortKey_id_schoolId_searchText_idx" ON "Student"("sortKey", "id", "schoolId", "searchText");
CREATE INDEX "Student_schoolId_sortKey_idx" ON "Student"("schoolId", "sortKey");
CREATE INDEX "Student_programId_sortKey_idx" ON "Student"("programId", "sortKey");
CREATE INDEX "Student_classId_sortKey_idx" ON "Student"("classId", "sortKey");
CREATE INDEX "Student_schoolYearId_sortKey_idx" ON "Student"("schoolYearId", "sortKey");
CREATE INDEX "Student_hasEmail_sortKey_idx" ON "Student"("hasEmail", "sortKey");
CREATE INDEX "Student_emailKey_idx" ON "Student"("emailKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
