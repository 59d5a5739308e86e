-- Written by hand (docs/decisions/007-list-search.md): Prisma's diff redefines "Student", which would
-- drop its triggers; adding columns with a constant default is a plain ALTER TABLE on SQLite.

-- The list sorted by class walks an index on the student's copy of their class's sort key.
ALTER TABLE "SchoolClass" ADD COLUMN "sortKey" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Student" ADD COLUMN "classSortKey" TEXT NOT NULL DEFAULT '';

-- A first key; the exact one (accents, numbers in numeric order) is written when the database is
-- prepared (lib/search/reindex.ts), and copied to the students by the last trigger below.
UPDATE "SchoolClass" SET "sortKey" = lower("name");
UPDATE "Student" SET "classSortKey" = COALESCE((SELECT c."sortKey" FROM "SchoolClass" c WHERE c."id" = "Student"."classId"), '');

CREATE INDEX "Student_classSortKey_sortKey_id_schoolId_idx" ON "Student"("classSortKey", "sortKey", "id", "schoolId");

CREATE TRIGGER "Student_class_sort_key_insert" AFTER INSERT ON "Student"
BEGIN
  UPDATE "Student" SET "classSortKey" = COALESCE((SELECT "sortKey" FROM "SchoolClass" WHERE "id" = NEW."classId"), '')
  WHERE "id" = NEW."id";
END;

CREATE TRIGGER "Student_class_sort_key_update" AFTER UPDATE OF "classId" ON "Student"
BEGIN
  UPDATE "Student" SET "classSortKey" = COALESCE((SELECT "sortKey" FROM "SchoolClass" WHERE "id" = NEW."classId"), '')
  WHERE "id" = NEW."id";
END;

CREATE TRIGGER "SchoolClass_sort_key_update" AFTER UPDATE OF "sortKey" ON "SchoolClass" WHEN OLD."sortKey" IS NOT NEW."sortKey"
BEGIN
  UPDATE "Student" SET "classSortKey" = NEW."sortKey" WHERE "classId" = NEW."id";
END;
