-- CreateTable
CREATE TABLE "ReminderDue" (
    "accessId" TEXT NOT NULL,
    "dueKey" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("accessId", "dueKey"),
    CONSTRAINT "ReminderDue_accessId_fkey" FOREIGN KEY ("accessId") REFERENCES "PortalAccess" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_School" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT,
    "contactEmail" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "autoRemindersEnabled" BOOLEAN NOT NULL DEFAULT false,
    "reminderAfterDays" INTEGER NOT NULL DEFAULT 3,
    "reminderBeforeExpiryDays" INTEGER NOT NULL DEFAULT 1,
    "reminderMaxCount" INTEGER NOT NULL DEFAULT 2,
    "reminderWindowStart" INTEGER NOT NULL DEFAULT 480,
    "reminderWindowEnd" INTEGER NOT NULL DEFAULT 1200,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "School_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_School" ("city", "contactEmail", "createdAt", "id", "name", "organizationId") SELECT "city", "contactEmail", "createdAt", "id", "name", "organizationId" FROM "School";
DROP TABLE "School";
ALTER TABLE "new_School" RENAME TO "School";
CREATE UNIQUE INDEX "School_organizationId_name_key" ON "School"("organizationId", "name");
CREATE TABLE "new_BulkSend" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL DEFAULT 'activation',
    "audience" TEXT NOT NULL DEFAULT 'students',
    "createdById" TEXT,
    "schoolId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'preparing',
    "selection" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "preparedAt" DATETIME,
    CONSTRAINT "BulkSend_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BulkSend_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_BulkSend" ("createdAt", "createdById", "id", "preparedAt", "selection", "status", "total") SELECT "createdAt", "createdById", "id", "preparedAt", "selection", "status", "total" FROM "BulkSend";
DROP TABLE "BulkSend";
ALTER TABLE "new_BulkSend" RENAME TO "BulkSend";
CREATE INDEX "BulkSend_createdAt_idx" ON "BulkSend"("createdAt");
CREATE TABLE "new_BulkSendItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bulkSendId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "guardianId" TEXT,
    "personKey" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "outboxMessageId" TEXT,
    CONSTRAINT "BulkSendItem_bulkSendId_fkey" FOREIGN KEY ("bulkSendId") REFERENCES "BulkSend" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BulkSendItem_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BulkSendItem_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES "Guardian" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BulkSendItem_outboxMessageId_fkey" FOREIGN KEY ("outboxMessageId") REFERENCES "OutboxMessage" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Every earlier item is a student's: its person key is the student's id.
INSERT INTO "new_BulkSendItem" ("bulkSendId", "id", "outboxMessageId", "outcome", "studentId", "personKey") SELECT "bulkSendId", "id", "outboxMessageId", "outcome", "studentId", "studentId" FROM "BulkSendItem";
DROP TABLE "BulkSendItem";
ALTER TABLE "new_BulkSendItem" RENAME TO "BulkSendItem";
CREATE UNIQUE INDEX "BulkSendItem_outboxMessageId_key" ON "BulkSendItem"("outboxMessageId");
CREATE INDEX "BulkSendItem_bulkSendId_studentId_idx" ON "BulkSendItem"("bulkSendId", "studentId");
CREATE INDEX "BulkSendItem_guardianId_idx" ON "BulkSendItem"("guardianId");
CREATE UNIQUE INDEX "BulkSendItem_bulkSendId_personKey_key" ON "BulkSendItem"("bulkSendId", "personKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Student_schoolId_programId_classId_accessPhase_accessLinkExpiresAt_idx" ON "Student"("schoolId", "programId", "classId", "accessPhase", "accessLinkExpiresAt");

-- CreateIndex
CREATE INDEX "PortalAccess_linkExpiresAt_idx" ON "PortalAccess"("linkExpiresAt");
