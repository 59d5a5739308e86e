import { getTranslations } from "next-intl/server";
import { PageLoading } from "@/components/layout/page-loading";

export default async function AccessBoardLoading() {
  const t = await getTranslations("accessBoard");
  return <PageLoading title={t("title")} label={t("loading")} rows={["h-28", "h-12", "h-12"]} />;
}
