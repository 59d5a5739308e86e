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
  return (
    <main id="contenu" className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold">{t("progressTitle")}</h1>
      <ClientMessages group="bulkProgress">
        <BulkProgressView initial={progress} />
      </ClientMessages>
    </main>
  );
}
