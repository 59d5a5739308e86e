-- AlterTable
ALTER TABLE "StudentGuardian" ADD COLUMN     "guardianLinkCount" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "StudentGuardian_guardianLinkCount_guardianId_schoolId_progr_idx" ON "StudentGuardian"("guardianLinkCount", "guardianId", "schoolId", "programId", "classId", "guardianPhase", "guardianLinkExpiresAt");

-- Written by hand (docs/decisions/015-parent-link-copies.md): each link knows how many students its
-- parent is linked to.
UPDATE "StudentGuardian" sg SET "guardianLinkCount" = c."n"
FROM (SELECT "guardianId", COUNT(*) AS "n" FROM "StudentGuardian" GROUP BY "guardianId") c
WHERE c."guardianId" = sg."guardianId" AND c."n" <> 1;

CREATE FUNCTION "sync_guardian_link_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "StudentGuardian" SET "guardianLinkCount" = (SELECT COUNT(*) FROM "StudentGuardian" WHERE "guardianId" = OLD."guardianId")
    WHERE "guardianId" = OLD."guardianId";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE "StudentGuardian" SET "guardianLinkCount" = (SELECT COUNT(*) FROM "StudentGuardian" WHERE "guardianId" = NEW."guardianId")
    WHERE "guardianId" = NEW."guardianId";
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "StudentGuardian_link_count"
AFTER INSERT OR DELETE OR UPDATE OF "guardianId" ON "StudentGuardian"
FOR EACH ROW EXECUTE FUNCTION "sync_guardian_link_count"();
