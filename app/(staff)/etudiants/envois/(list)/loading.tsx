import { getTranslations } from "next-intl/server";
import { PageLoading } from "@/components/layout/page-loading";

export default async function BulkSendsLoading() {
  const t = await getTranslations("sends");
  return <PageLoading title={t("title")} label={t("loading")} rows={Array(6).fill("h-10")} />;
}
