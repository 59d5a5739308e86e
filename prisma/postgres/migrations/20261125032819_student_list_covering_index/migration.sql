-- DropIndex
DROP INDEX "Student_sortKey_id_idx";

-- CreateIndex
CREATE INDEX "Student_sortKey_id_schoolId_searchText_idx" ON "Student"("sortKey", "id", "schoolId", "searchText");
