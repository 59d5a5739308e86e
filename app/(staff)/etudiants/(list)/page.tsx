import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StudentList } from "@/components/students/student-list";
import { requireRight } from "@/lib/auth";
import { findStudents, getFilterOptions } from "@/lib/data/students";
import { hasRight, RIGHTS } from "@/lib/rights";
import { parseStudentListQuery } from "@/lib/validation/students";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("students");
  return { title: t("title") };
}

export default async function StudentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireRight(RIGHTS.viewStudent);
  const query = parseStudentListQuery(await searchParams);
  const [page, filterOptions] = await Promise.all([findStudents(staff, query), getFilterOptions(staff)]);
  const t = await getTranslations("students");
  return (
    <main id="contenu" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {/* Its messages come with the layout. */}
      <StudentList
        query={query}
        page={page}
        filterOptions={filterOptions}
        editing={hasRight(staff, RIGHTS.editStudent) ? { staffEmail: staff.email } : null}
      />
    </main>
  );
}
