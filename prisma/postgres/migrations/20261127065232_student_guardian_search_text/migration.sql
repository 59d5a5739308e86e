-- AlterTable
ALTER TABLE "Student" ADD COLUMN     "guardianSearchText" TEXT NOT NULL DEFAULT '';
