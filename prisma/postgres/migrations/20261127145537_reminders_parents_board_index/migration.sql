-- DropIndex
DROP INDEX "BulkSendItem_bulkSendId_studentId_key";

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "autoRemindersEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reminderAfterDays" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "reminderBeforeExpiryDays" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "reminderMaxCount" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "reminderWindowEnd" INTEGER NOT NULL DEFAULT 1200,
ADD COLUMN     "reminderWindowStart" INTEGER NOT NULL DEFAULT 480,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Europe/Paris';

-- AlterTable
ALTER TABLE "BulkSend" ADD COLUMN     "audience" TEXT NOT NULL DEFAULT 'students',
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'activation',
ADD COLUMN     "schoolId" TEXT,
ALTER COLUMN "createdById" DROP NOT NULL;

-- AlterTable
ALTER TABLE "BulkSendItem" ADD COLUMN     "guardianId" TEXT,
ADD COLUMN     "personKey" TEXT;
-- Every earlier item is a student's: its person key is the student's id.
UPDATE "BulkSendItem" SET "personKey" = "studentId";
ALTER TABLE "BulkSendItem" ALTER COLUMN "personKey" SET NOT NULL;

-- CreateTable
CREATE TABLE "ReminderDue" (
    "accessId" TEXT NOT NULL,
    "dueKey" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderDue_pkey" PRIMARY KEY ("accessId","dueKey")
);

-- CreateIndex
CREATE INDEX "Student_schoolId_programId_classId_accessPhase_accessLinkEx_idx" ON "Student"("schoolId", "programId", "classId", "accessPhase", "accessLinkExpiresAt");

-- CreateIndex
CREATE INDEX "PortalAccess_linkExpiresAt_idx" ON "PortalAccess"("linkExpiresAt");

-- CreateIndex
CREATE INDEX "BulkSend_createdAt_idx" ON "BulkSend"("createdAt");

-- CreateIndex
CREATE INDEX "BulkSendItem_bulkSendId_studentId_idx" ON "BulkSendItem"("bulkSendId", "studentId");

-- CreateIndex
CREATE INDEX "BulkSendItem_guardianId_idx" ON "BulkSendItem"("guardianId");

-- CreateIndex
CREATE UNIQUE INDEX "BulkSendItem_bulkSendId_personKey_key" ON "BulkSendItem"("bulkSendId", "personKey");

-- AddForeignKey
ALTER TABLE "BulkSend" ADD CONSTRAINT "BulkSend_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkSendItem" ADD CONSTRAINT "BulkSendItem_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES "Guardian"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderDue" ADD CONSTRAINT "ReminderDue_accessId_fkey" FOREIGN KEY ("accessId") REFERENCES "PortalAccess"("id") ON DELETE CASCADE ON UPDATE CASCADE;
