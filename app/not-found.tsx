import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/errors/status-page";
import { HOME_PATH } from "@/lib/routes";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notFound"))("title") };
}

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return <StatusPage code="404" title={t("title")} description={t("description")} action={{ href: HOME_PATH, label: t("back") }} />;
}
