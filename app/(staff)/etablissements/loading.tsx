import { getTranslations } from "next-intl/server";
import { PageLoading } from "@/components/layout/page-loading";

export default async function SchoolSettingsLoading() {
  const t = await getTranslations("schoolSettings");
  return <PageLoading title={t("title")} label={t("loading")} rows={["h-64", "h-64"]} />;
}
