-- AlterTable
ALTER TABLE "Student" ADD COLUMN "emailKey" TEXT;

-- AlterTable
ALTER TABLE "Guardian" ADD COLUMN "emailKey" TEXT;

-- AlterTable
ALTER TABLE "PortalAccess" ADD COLUMN "signInEmail" TEXT;

-- CreateIndex
CREATE INDEX "Student_emailKey_idx" ON "Student"("emailKey");

-- CreateIndex
CREATE INDEX "Guardian_emailKey_idx" ON "Guardian"("emailKey");

-- Backfill (hand-written): keys of existing emails, then the sign-in address of each enabled access.
-- Where enabled accesses already shared an address, the oldest keeps it and the others show the
-- conflict on the staff side until an address is changed (nothing is merged).
UPDATE "Student" SET "emailKey" = lower(trim("email")) WHERE "email" IS NOT NULL AND trim("email") <> '';
UPDATE "Guardian" SET "emailKey" = lower(trim("email")) WHERE "email" IS NOT NULL AND trim("email") <> '';
UPDATE "PortalAccess" SET "signInEmail" = COALESCE(
  (SELECT s."emailKey" FROM "Student" s WHERE s."id" = "PortalAccess"."studentId"),
  (SELECT g."emailKey" FROM "Guardian" g WHERE g."id" = "PortalAccess"."guardianId")
) WHERE "enabled" = true;
UPDATE "PortalAccess" SET "signInEmail" = NULL WHERE "signInEmail" IS NOT NULL AND EXISTS (
  SELECT 1 FROM "PortalAccess" o WHERE o."signInEmail" = "PortalAccess"."signInEmail" AND o."id" < "PortalAccess"."id"
);

-- CreateIndex
CREATE UNIQUE INDEX "PortalAccess_signInEmail_key" ON "PortalAccess"("signInEmail");
