import { getTranslations } from "next-intl/server";
import { PageLoading } from "@/components/layout/page-loading";

export default async function StudentsLoading() {
  const t = await getTranslations("students");
  return <PageLoading title={t("title")} label={t("loading")} rows={Array(8).fill("h-12")} />;
}
