import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/errors/status-page";

export default async function StudentNotFound() {
  const t = await getTranslations("notFound");
  return (
    <StatusPage
      code="404"
      title={t("studentTitle")}
      description={t("studentDescription")}
      action={{ href: "/etudiants", label: t("backToStudents") }}
    />
  );
}
