import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import { BulkProgressView } from "@/components/students/bulk-progress";
import { getStaff, requireRight } from "@/lib/auth";
import { getBulkProgress, type BulkProgress } from "@/lib/data/send-history";
import { hasRight, RIGHTS } from "@/lib/rights";
import { ZId } from "@/lib/validation/ids";

type Params = { params: Promise<{ bulkSendId: string }> };

/**
 * The send, read once for the request (the title and the page both need it); null when unknown, not
 * to be seen, or nobody entitled is signed in (the page itself sends them to sign in or refuses).
 */
const progressOf = cache(async (bulkSendId: string) => {
  const staff = await getStaff();
  const id = ZId.safeParse(bulkSendId);
  return staff && hasRight(staff, RIGHTS.viewStudent) && id.success ? getBulkProgress(staff, id.data) : null;
});

/** « Envoi des emails d'activation », « Relance des accès non activés » or « Relance automatique — <school> ». */
async function titleOf(progress: BulkProgress | null): Promise<string> {
  const t = await getTranslations("bulk");
  const kind = progress?.kind ?? "activation";
  const title = { activation: t("progressTitle"), reminder: t("reminder.progressTitle"), auto_reminder: t("reminder.autoProgressTitle") }[
    kind
  ];
  return progress?.schoolName ? `${title} — ${progress.schoolName}` : title;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: await titleOf(await progressOf((await params).bulkSendId)) };
}

export default async function BulkSendPage({ params }: Params) {
  await requireRight(RIGHTS.viewStudent);
  const progress = await progressOf((await params).bulkSendId);
  if (!progress) notFound();
  const t = await getTranslations("bulk");
  const sends = await getTranslations("sends");
  return (
    <main id="contenu" className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold">{await titleOf(progress)}</h1>
      {progress.kind === "activation" ? null : (
        <p className="mt-2 text-sm text-slate-700">{t("reminder.audienceLine", { audience: sends(`audiences.${progress.audience}`) })}</p>
      )}
      <ClientMessages group="bulkProgress">
        <BulkProgressView initial={progress} />
      </ClientMessages>
    </main>
  );
}
