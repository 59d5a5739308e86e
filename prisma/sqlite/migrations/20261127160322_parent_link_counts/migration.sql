-- Written by hand (docs/decisions/015-parent-link-copies.md): an added column and index rather than the
-- table rebuild Prisma writes, which would drop the triggers of StudentGuardian.
-- AlterTable
ALTER TABLE "StudentGuardian" ADD COLUMN "guardianLinkCount" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "StudentGuardian_guardianLinkCount_guardianId_schoolId_programId_classId_guardianPhase_guardianLinkExpiresAt_idx" ON "StudentGuardian"("guardianLinkCount", "guardianId", "schoolId", "programId", "classId", "guardianPhase", "guardianLinkExpiresAt");

UPDATE "StudentGuardian" SET "guardianLinkCount" = (SELECT COUNT(*) FROM "StudentGuardian" o WHERE o."guardianId" = "StudentGuardian"."guardianId");

CREATE TRIGGER "StudentGuardian_link_count_insert" AFTER INSERT ON "StudentGuardian"
BEGIN
  UPDATE "StudentGuardian" SET "guardianLinkCount" = (SELECT COUNT(*) FROM "StudentGuardian" WHERE "guardianId" = NEW."guardianId")
  WHERE "guardianId" = NEW."guardianId";
END;

CREATE TRIGGER "StudentGuardian_link_count_delete" AFTER DELETE ON "StudentGuardian"
BEGIN
  UPDATE "StudentGuardian" SET "guardianLinkCount" = (SELECT COUNT(*) FROM "StudentGuardian" WHERE "guardianId" = OLD."guardianId")
  WHERE "guardianId" = OLD."guardianId";
END;

CREATE TRIGGER "StudentGuardian_link_count_update" AFTER UPDATE OF "guardianId" ON "StudentGuardian"
BEGIN
  UPDATE "StudentGuardian" SET "guardianLinkCount" = (SELECT COUNT(*) FROM "StudentGuardian" WHERE "guardianId" = OLD."guardianId")
  WHERE "guardianId" = OLD."guardianId";
  UPDATE "StudentGuardian" SET "guardianLinkCount" = (SELECT COUNT(*) FROM "StudentGuardian" WHERE "guardianId" = NEW."guardianId")
  WHERE "guardianId" = NEW."guardianId";
END;
