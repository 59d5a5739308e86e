"use client";
import { useTranslations } from "next-intl";
import { StatusPage } from "@/components/errors/status-page";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <StatusPage
      title={t("title")}
      description={t("description")}
      action={
        <Button variant="secondary" onClick={reset}>
          {t("retry")}
        </Button>
      }
    />
  );
}
