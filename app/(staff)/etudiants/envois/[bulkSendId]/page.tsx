import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/layout/client-messages";
import { BulkProgressView } from "@/components/students/bulk-progress";
import { requireRight } from "@/lib/auth";
import { getBulkProgress } from "@/lib/data/send-history";
import { RIGHTS } from "@/lib/rights";
import { ZId } from "@/lib/validation/ids";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("bulk");
  return { title: t("progressTitle") };
}

export default async function BulkSendPage({ params }: { params: Promise<{ bulkSendId: string }> }) {
  const staff = await requireRight(RIGHTS.viewStudent);
  const id = ZId.safeParse((await params).bulkSendId);
  const progress = id.success ? await getBulkProgress(staff, id.data) : null;
  if (!progress) notFound();
  const t = await getTranslations("bulk");
  const sends = await getTranslations("sends");
  const title = { activation: t("progressTitle"), reminder: t("reminder.progressTitle"), auto_reminder: t("reminder.autoProgressTitle") }[
    progress.kind
  ];
  return (
    <main id="contenu" className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold">{progress.schoolName ? `${title} — ${progress.schoolName}` : title}</h1>
      {progress.kind === "activation" ? null : (
        <p className="mt-2 text-sm text-slate-700">{t("reminder.audienceLine", { audience: sends(`audiences.${progress.audience}`) })}</p>
      )}
      <ClientMessages group="bulkProgress">
        <BulkProgressView initial={progress} />
      </ClientMessages>
    </main>
  );
}
