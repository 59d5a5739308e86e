import type { ReactNode } from "react";

/** The body of the 403 / 404 / error pages: a title, one sentence, and a way out (`children`). */
export function StatusLayout({
  code,
  title,
  description,
  children,
}: {
  code?: string;
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <main id="contenu" className="mx-auto flex max-w-xl flex-col items-start gap-4 px-6 py-20">
      {code ? <p className="text-sm font-semibold text-indigo-700">{code}</p> : null}
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-slate-700">{description}</p>
      {children}
    </main>
  );
}
