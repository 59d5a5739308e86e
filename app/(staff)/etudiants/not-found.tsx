import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/errors/status-page";
import { STUDENTS_PATH } from "@/lib/routes";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notFound"))("studentTitle") };
}

export default async function StudentNotFound() {
  const t = await getTranslations("notFound");
  return (
    <StatusPage
      code="404"
      title={t("studentTitle")}
      description={t("studentDescription")}
      action={{ href: STUDENTS_PATH, label: t("backToStudents") }}
    />
  );
}
