-- DropIndex
DROP INDEX "StudentGuardian_guardianId_studentId_idx";

-- AlterTable
ALTER TABLE "StudentGuardian" ADD COLUMN     "classId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "guardianLinkExpiresAt" TIMESTAMP(3),
ADD COLUMN     "guardianPhase" TEXT NOT NULL DEFAULT 'none',
ADD COLUMN     "programId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "schoolId" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "StudentGuardian_guardianId_schoolId_programId_classId_guard_idx" ON "StudentGuardian"("guardianId", "schoolId", "programId", "classId", "guardianPhase", "guardianLinkExpiresAt");

-- CreateIndex
CREATE INDEX "StudentGuardian_schoolId_programId_classId_guardianPhase_gu_idx" ON "StudentGuardian"("schoolId", "programId", "classId", "guardianPhase", "guardianLinkExpiresAt");

-- Written by hand (docs/decisions/015-parent-link-copies.md).
-- StudentGuardian keeps copies of its student's place and of its parent's access phase
-- (student_access_phase, from the list_search_and_access_phase migration, derives the phase).
UPDATE "StudentGuardian" sg SET "schoolId" = s."schoolId", "programId" = s."programId", "classId" = s."classId"
FROM "Student" s WHERE s."id" = sg."studentId";
UPDATE "StudentGuardian" sg SET
  "guardianPhase" = student_access_phase(a."enabled", a."passwordHash", a."disabledAt"),
  "guardianLinkExpiresAt" = a."linkExpiresAt"
FROM "PortalAccess" a WHERE a."guardianId" = sg."guardianId";

CREATE FUNCTION "fill_student_guardian_copies"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT s."schoolId", s."programId", s."classId" INTO NEW."schoolId", NEW."programId", NEW."classId"
  FROM "Student" s WHERE s."id" = NEW."studentId";
  SELECT student_access_phase(a."enabled", a."passwordHash", a."disabledAt"), a."linkExpiresAt"
  INTO NEW."guardianPhase", NEW."guardianLinkExpiresAt"
  FROM "PortalAccess" a WHERE a."guardianId" = NEW."guardianId";
  NEW."guardianPhase" := COALESCE(NEW."guardianPhase", 'none');
  RETURN NEW;
END
$$;
CREATE TRIGGER "StudentGuardian_copies"
BEFORE INSERT OR UPDATE OF "studentId", "guardianId" ON "StudentGuardian"
FOR EACH ROW EXECUTE FUNCTION "fill_student_guardian_copies"();

CREATE FUNCTION "sync_student_guardian_place"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "StudentGuardian" SET "schoolId" = NEW."schoolId", "programId" = NEW."programId", "classId" = NEW."classId"
  WHERE "studentId" = NEW."id";
  RETURN NULL;
END
$$;
CREATE TRIGGER "Student_place"
AFTER UPDATE OF "schoolId", "programId", "classId" ON "Student"
FOR EACH ROW EXECUTE FUNCTION "sync_student_guardian_place"();

CREATE FUNCTION "sync_guardian_access_phase"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."guardianId" IS NOT NULL AND (TG_OP = 'DELETE' OR OLD."guardianId" IS DISTINCT FROM NEW."guardianId") THEN
    UPDATE "StudentGuardian" SET "guardianPhase" = 'none', "guardianLinkExpiresAt" = NULL WHERE "guardianId" = OLD."guardianId";
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."guardianId" IS NOT NULL THEN
    UPDATE "StudentGuardian" SET
      "guardianPhase" = student_access_phase(NEW."enabled", NEW."passwordHash", NEW."disabledAt"),
      "guardianLinkExpiresAt" = NEW."linkExpiresAt"
    WHERE "guardianId" = NEW."guardianId";
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "PortalAccess_guardian_phase"
AFTER INSERT OR DELETE OR UPDATE OF "guardianId", "enabled", "passwordHash", "disabledAt", "linkExpiresAt" ON "PortalAccess"
FOR EACH ROW EXECUTE FUNCTION "sync_guardian_access_phase"();
