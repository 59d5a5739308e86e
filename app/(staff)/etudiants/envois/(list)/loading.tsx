import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";

export default async function BulkSendsLoading() {
  const t = await getTranslations("sends");
  return (
    <main id="contenu" className="mx-auto max-w-7xl px-4 py-8 sm:px-6" aria-busy="true">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p role="status" className="mt-6 flex items-center gap-2 text-sm text-slate-600">
        <Spinner /> {t("loading")}
      </p>
      <div className="mt-4 flex flex-col gap-3">
        {Array.from({ length: 6 }, (_, index) => (
          <Skeleton key={index} className="h-10 w-full" />
        ))}
      </div>
    </main>
  );
}
