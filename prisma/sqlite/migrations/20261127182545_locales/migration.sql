-- Hand-written: Prisma's diff redefines the tables, which would drop the hand-written triggers on
-- Student (and others); adding a column with a constant default is a plain ALTER TABLE on SQLite.
ALTER TABLE "Student" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'fr';
ALTER TABLE "Guardian" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'fr';
ALTER TABLE "StaffUser" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'fr';
