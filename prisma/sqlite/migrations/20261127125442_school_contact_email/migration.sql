-- AlterTable
ALTER TABLE "School" ADD COLUMN "contactEmail" TEXT;
