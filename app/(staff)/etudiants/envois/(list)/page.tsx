import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SendList } from "@/components/sends/send-list";
import { requireRight } from "@/lib/auth";
import { listBulkSends } from "@/lib/data/send-history";
import { RIGHTS } from "@/lib/rights";
import { readBulkSendsParams } from "@/lib/routes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sends");
  return { title: t("title") };
}

export default async function BulkSendsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireRight(RIGHTS.viewStudent);
  const { page } = readBulkSendsParams(await searchParams);
  const sends = await listBulkSends(staff, page);
  const t = await getTranslations("sends");
  return (
    <main id="contenu" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
      <SendList page={sends} />
    </main>
  );
}
