import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import type { ChildSummary } from "@/lib/data/students";
import { elision } from "@/lib/i18n/elision";
import { studentPath } from "@/lib/routes";
import { cn } from "@/components/ui/cn";

/**
 * « Aussi parent de Marie Dupont et Lucas Dupont » (« d'Anaïs ») under a parent shared by siblings, each name
 * opening that child's profile (only children of the schools the staff member may see are given).
 */
export function StudentOtherChildren({ otherChildren, className }: { otherChildren: ChildSummary[]; className?: string }) {
  const t = useTranslations("access");
  const format = useFormatter();
  if (!otherChildren.length) return null;
  const links = otherChildren.map((child) => (
    <Link
      key={child.id}
      href={studentPath(child.id)}
      prefetch={false}
      className="font-medium text-indigo-800 underline-offset-2 hover:underline"
    >
      {child.firstName} {child.lastName}
    </Link>
  ));
  return (
    <p className={cn("text-sm text-slate-700", className)}>
      {t.rich("alsoParentOf", { elision: elision(otherChildren[0].firstName), names: () => format.list(links, { type: "conjunction" }) })}
    </p>
  );
}
