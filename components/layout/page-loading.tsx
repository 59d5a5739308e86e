import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";

/** A staff page while it loads: its title, a spoken « Chargement… » and placeholder rows of the given heights. */
export function PageLoading({ title, label, rows }: { title: string; label: string; rows: string[] }) {
  return (
    <main id="contenu" className="mx-auto max-w-7xl px-4 py-8 sm:px-6" aria-busy="true">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p role="status" className="mt-6 flex items-center gap-2 text-sm text-slate-600">
        <Spinner /> {label}
      </p>
      <div className="mt-4 flex flex-col gap-3">
        {rows.map((height, index) => (
          <Skeleton key={index} className={`${height} w-full`} />
        ))}
      </div>
    </main>
  );
}
