import { AlertTriangle } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { EmailStatus } from "@/lib/access/email-address";

/**
 * An email as staff need to see it: the address, "Aucune adresse email", or the address flagged
 * invalid. The status comes from lib/access/email-address.ts, checked by the caller (on the server
 * for the list), so this component does not bring the validator to the browser.
 */
export function EmailText({ email, status, oneLine = false }: { email: string | null; status: EmailStatus; oneLine?: boolean }) {
  const t = useTranslations("student");
  if (status === "missing") {
    return (
      <span className={cn("text-slate-600 italic", oneLine && "block truncate")} title={oneLine ? t("noEmail") : undefined}>
        {t("noEmail")}
      </span>
    );
  }
  // On one line (the list), a long address is cut with « … » and shown whole in its title.
  const address = oneLine ? (
    <span className="block min-w-0 truncate" title={email!}>
      {email}
    </span>
  ) : (
    <Address email={email!} />
  );
  if (status === "invalid") {
    // On one line the flag is its icon, named for screen readers and in its title: the column is narrow.
    return (
      <span className={oneLine ? "flex items-center gap-1" : "inline-flex flex-wrap items-center gap-1"}>
        {address}
        <Badge tone="warning" className="shrink-0" title={oneLine ? t("invalidEmail") : undefined}>
          <AlertTriangle aria-hidden className="h-3 w-3" />
          <span className={oneLine ? "sr-only" : undefined}>{t("invalidEmail")}</span>
        </Badge>
      </span>
    );
  }
  return address;
}

/** Lets a long address wrap after "@" and dots rather than in the middle of a word. */
function Address({ email }: { email: string }) {
  const parts = email.split(/(?<=[@.])/);
  return (
    <span className="[overflow-wrap:anywhere]">
      {parts.map((part, index) => (
        <span key={index}>
          {part}
          {index < parts.length - 1 ? <wbr /> : null}
        </span>
      ))}
    </span>
  );
}
