-- DropIndex
DROP INDEX "Student_classSortKey_sortKey_id_schoolId_idx";

-- CreateIndex
CREATE INDEX "Student_classSortKey_sortKey_id_schoolId_programId_schoolYearId_hasEmail_accessPhase_accessLinkExpiresAt_idx" ON "Student"("classSortKey", "sortKey", "id", "schoolId", "programId", "schoolYearId", "hasEmail", "accessPhase", "accessLinkExpiresAt");
