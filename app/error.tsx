"use client";
import { useTranslations } from "next-intl";
import { StatusLayout } from "@/components/errors/status-layout";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <StatusLayout title={t("title")} description={t("description")}>
      <title>{t("documentTitle")}</title>
      <Button variant="secondary" onClick={reset}>
        {t("retry")}
      </Button>
    </StatusLayout>
  );
}
