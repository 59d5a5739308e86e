import { AlertTriangle } from "lucide-react";
import { useTranslations } from "next-intl";
import type { EmailStatus } from "@/lib/access/email-address";

/**
 * An email as staff need to see it: the address, "Aucune adresse email", or the address flagged
 * invalid. The status comes from lib/access/email-address.ts, checked by the caller (on the server
 * for the list), so this component does not bring the validator to the browser.
 */
export function EmailText({ email, status }: { email: string | null; status: EmailStatus }) {
  const t = useTranslations("student");
  if (status === "missing") return <span className="text-slate-600 italic">{t("noEmail")}</span>;
  if (status === "invalid") {
    return (
      <span className="inline-flex flex-wrap items-center gap-1">
        <Address email={email!} />
        <span className="inline-flex items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900">
          <AlertTriangle aria-hidden className="h-3 w-3" />
          {t("invalidEmail")}
        </span>
      </span>
    );
  }
  return <Address email={email!} />;
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
