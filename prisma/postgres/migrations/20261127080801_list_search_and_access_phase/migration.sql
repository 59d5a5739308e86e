-- DropIndex
DROP INDEX "Student_programId_sortKey_idx";

-- DropIndex
DROP INDEX "Student_classId_sortKey_idx";

-- DropIndex
DROP INDEX "Student_schoolYearId_sortKey_idx";

-- DropIndex
DROP INDEX "Student_hasEmail_sortKey_idx";

-- AlterTable
ALTER TABLE "Student" ADD COLUMN     "accessLinkExpiresAt" TIMESTAMP(3),
ADD COLUMN     "accessPhase" TEXT NOT NULL DEFAULT 'none';

-- CreateIndex
CREATE INDEX "Student_programId_sortKey_id_schoolId_idx" ON "Student"("programId", "sortKey", "id", "schoolId");

-- CreateIndex
CREATE INDEX "Student_classId_sortKey_id_schoolId_idx" ON "Student"("classId", "sortKey", "id", "schoolId");

-- CreateIndex
CREATE INDEX "Student_schoolYearId_sortKey_id_schoolId_idx" ON "Student"("schoolYearId", "sortKey", "id", "schoolId");

-- CreateIndex
CREATE INDEX "Student_hasEmail_sortKey_id_schoolId_idx" ON "Student"("hasEmail", "sortKey", "id", "schoolId");

-- CreateIndex
CREATE INDEX "Student_accessPhase_sortKey_id_schoolId_accessLinkExpiresAt_idx" ON "Student"("accessPhase", "sortKey", "id", "schoolId", "accessLinkExpiresAt");

-- CreateIndex
CREATE INDEX "Student_accessPhase_accessLinkExpiresAt_idx" ON "Student"("accessPhase", "accessLinkExpiresAt");

-- Written by hand (docs/decisions/007-list-search.md).

-- The list's Accès filter reads Student."accessPhase", kept equal to the student's PortalAccess row.
CREATE FUNCTION "student_access_phase"("enabled" BOOLEAN, "passwordHash" TEXT, "disabledAt" TIMESTAMP(3)) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN NOT "enabled" THEN CASE WHEN "disabledAt" IS NULL THEN 'none' ELSE 'disabled' END
    WHEN "passwordHash" IS NOT NULL THEN 'active'
    ELSE 'pending' END
$$;

UPDATE "Student" s SET
  "accessPhase" = student_access_phase(a."enabled", a."passwordHash", a."disabledAt"),
  "accessLinkExpiresAt" = a."linkExpiresAt"
FROM "PortalAccess" a WHERE a."studentId" = s."id";

CREATE FUNCTION "sync_student_access_phase"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."studentId" IS NOT NULL AND (TG_OP = 'DELETE' OR OLD."studentId" IS DISTINCT FROM NEW."studentId") THEN
    UPDATE "Student" SET "accessPhase" = 'none', "accessLinkExpiresAt" = NULL WHERE "id" = OLD."studentId";
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."studentId" IS NOT NULL THEN
    UPDATE "Student" SET
      "accessPhase" = student_access_phase(NEW."enabled", NEW."passwordHash", NEW."disabledAt"),
      "accessLinkExpiresAt" = NEW."linkExpiresAt"
    WHERE "id" = NEW."studentId";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "PortalAccess_student_phase"
AFTER INSERT OR DELETE OR UPDATE OF "studentId", "enabled", "passwordHash", "disabledAt", "linkExpiresAt" ON "PortalAccess"
FOR EACH ROW EXECUTE FUNCTION "sync_student_access_phase"();

-- Substring search: trigram GIN indexes answer LIKE '%word%' without reading the table.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Student_searchText_trgm_idx" ON "Student" USING gin ("searchText" gin_trgm_ops);
CREATE INDEX "Student_guardianSearchText_trgm_idx" ON "Student" USING gin ("guardianSearchText" gin_trgm_ops);
