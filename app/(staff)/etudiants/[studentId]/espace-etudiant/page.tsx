import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { loadStudentOr404 } from "../load-student";

type Props = { params: Promise<{ studentId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { student } = await loadStudentOr404(params);
  const t = await getTranslations("student.tabs");
  return { title: `${t("studentSpace")} · ${student.firstName} ${student.lastName}` };
}

export default async function StudentSpacePage({ params }: Props) {
  await loadStudentOr404(params);
  const t = await getTranslations("student");
  return (
    <Card>
      <h2 className="flex items-center gap-2 text-lg font-semibold">
        {t("tabs.studentSpace")} <Badge tone="info">{t("studentSpaceSoon")}</Badge>
      </h2>
      <p className="mt-2 text-sm text-slate-700">{t("studentSpaceSoonDescription")}</p>
    </Card>
  );
}
