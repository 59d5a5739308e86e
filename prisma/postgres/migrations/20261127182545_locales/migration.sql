-- AlterTable
ALTER TABLE "Student" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'fr';

-- AlterTable
ALTER TABLE "Guardian" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'fr';

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'fr';
