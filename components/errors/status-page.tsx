import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { StatusLayout } from "./status-layout";

/** The 403 and 404 pages: a title, one sentence, and a link out. (app/error.tsx uses StatusLayout without next/link.) */
export function StatusPage({
  code,
  title,
  description,
  action,
}: {
  code?: string;
  title: string;
  description: string;
  action: { href: string; label: string };
}) {
  return (
    <StatusLayout code={code} title={title} description={description}>
      <Link href={action.href} className={buttonClasses({ variant: "secondary" })}>
        {action.label}
      </Link>
    </StatusLayout>
  );
}
