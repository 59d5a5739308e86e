import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** The body of the 403 / 404 / error pages: a title, one sentence, and a way out. */
export function StatusPage({
  code,
  title,
  description,
  action,
}: {
  code?: string;
  title: string;
  description: string;
  action: { href: string; label: string } | ReactNode;
}) {
  return (
    <main id="contenu" className="mx-auto flex max-w-xl flex-col items-start gap-4 px-6 py-20">
      {code ? <p className="text-sm font-semibold text-indigo-700">{code}</p> : null}
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-slate-700">{description}</p>
      {action && typeof action === "object" && "href" in action ? (
        <Button asChild variant="secondary">
          <Link href={action.href}>{action.label}</Link>
        </Button>
      ) : (
        action
      )}
    </main>
  );
}
