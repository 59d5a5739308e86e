import { getTranslations } from "next-intl/server";
import { HOME_PATH } from "@/lib/routes";
import { StatusPage } from "./status-page";

export async function AccessDenied() {
  const t = await getTranslations("forbidden");
  return <StatusPage code="403" title={t("title")} description={t("description")} action={{ href: HOME_PATH, label: t("back") }} />;
}
