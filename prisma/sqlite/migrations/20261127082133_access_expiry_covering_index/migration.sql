-- DropIndex
DROP INDEX "Student_accessPhase_accessLinkExpiresAt_idx";

-- CreateIndex
CREATE INDEX "Student_accessPhase_accessLinkExpiresAt_schoolId_idx" ON "Student"("accessPhase", "accessLinkExpiresAt", "schoolId");
