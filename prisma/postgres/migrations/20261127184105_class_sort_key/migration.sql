-- The list sorted by class walks an index on the student's copy of their class's sort key
-- (docs/decisions/007-list-search.md).
ALTER TABLE "SchoolClass" ADD COLUMN "sortKey" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Student" ADD COLUMN "classSortKey" TEXT NOT NULL DEFAULT '';

-- Written by hand. A first key; the exact one (accents, numbers in numeric order) is written when the
-- database is prepared (lib/search/reindex.ts), and copied to the students by the last trigger below.
UPDATE "SchoolClass" SET "sortKey" = lower("name");
ALTER TABLE "SchoolClass" ALTER COLUMN "sortKey" DROP DEFAULT;
UPDATE "Student" s SET "classSortKey" = c."sortKey" FROM "SchoolClass" c WHERE c."id" = s."classId";

CREATE INDEX "Student_classSortKey_sortKey_id_schoolId_idx" ON "Student"("classSortKey", "sortKey", "id", "schoolId");

CREATE FUNCTION "fill_student_class_sort_key"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c."sortKey" INTO NEW."classSortKey" FROM "SchoolClass" c WHERE c."id" = NEW."classId";
  NEW."classSortKey" := COALESCE(NEW."classSortKey", '');
  RETURN NEW;
END
$$;
CREATE TRIGGER "Student_class_sort_key"
BEFORE INSERT OR UPDATE OF "classId" ON "Student"
FOR EACH ROW EXECUTE FUNCTION "fill_student_class_sort_key"();

CREATE FUNCTION "sync_class_sort_key"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Student" SET "classSortKey" = NEW."sortKey" WHERE "classId" = NEW."id";
  RETURN NULL;
END
$$;
CREATE TRIGGER "SchoolClass_sort_key"
AFTER UPDATE OF "sortKey" ON "SchoolClass"
FOR EACH ROW WHEN (OLD."sortKey" IS DISTINCT FROM NEW."sortKey") EXECUTE FUNCTION "sync_class_sort_key"();
