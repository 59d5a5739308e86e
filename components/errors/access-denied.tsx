import { getTranslations } from "next-intl/server";
import { HOME_PATH } from "@/lib/routes";
import { StatusPage } from "./status-page";

export async function AccessDenied() {
  const t = await getTranslations("forbidden");
  const app = await getTranslations("app");
  // The page that refused keeps its own metadata: this title, hoisted by React, names the refusal instead.
  return (
    <>
      <title>{`${t("title")} · ${app("name")}`}</title>
      <StatusPage code="403" title={t("title")} description={t("description")} action={{ href: HOME_PATH, label: t("back") }} />
    </>
  );
}
