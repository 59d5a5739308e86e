-- DropIndex
DROP INDEX "Student_schoolId_programId_classId_accessPhase_accessLinkExpiresAt_idx";

-- DropIndex
DROP INDEX "StudentGuardian_guardianId_idx";

-- CreateIndex
CREATE INDEX "Student_schoolId_programId_classId_accessPhase_accessLinkExpiresAt_id_idx" ON "Student"("schoolId", "programId", "classId", "accessPhase", "accessLinkExpiresAt", "id");

-- CreateIndex
CREATE INDEX "StudentGuardian_guardianId_studentId_idx" ON "StudentGuardian"("guardianId", "studentId");
