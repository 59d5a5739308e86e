"use client";
import { elided, elision } from "@/lib/i18n/elision";
import { useTranslations } from "next-intl";
import type { AccessState } from "@/lib/access/state";
import type { AddressSharer } from "@/lib/data/shared-emails";
import { cn } from "@/components/ui/cn";

const ENABLED_STATES: AccessState[] = ["invited", "expired", "active"];

/** Whether another person's enabled access already signs in with this address (enabling is refused). */
export function addressTaken(sharedWith: AddressSharer[] | undefined): boolean {
  return !!sharedWith?.some((sharer) => sharer.holdsSignIn);
}

/**
 * Says who else is registered with this person's address and what it means for the portal: one
 * address signs in to one account. Shown on the person's card and in the dialogs that enable access.
 */
export function SharedAddressNotice({
  name,
  state,
  sharedWith,
  className,
}: {
  name: string;
  state: AccessState;
  sharedWith: AddressSharer[] | undefined;
  className?: string;
}) {
  const t = useTranslations("access.shared");
  if (!sharedWith?.length) return null;
  const describe = (sharer: AddressSharer) => {
    if (!sharer.name) return t("hidden");
    return sharer.kind === "student"
      ? t("student", { name: sharer.name })
      : t("guardian", { name: sharer.name, children: sharer.children.join(", "), childrenElision: elision(sharer.children[0]) });
  };
  const holders = sharedWith.filter((sharer) => sharer.holdsSignIn);
  const others = sharedWith.map(describe).join(" ; ");
  const who = holders.length ? holders.map(describe).join(" ; ") : others;
  const values = { who, whoElision: elision(who), ...elided(name) };
  let message: string;
  if (holders.length) message = t("taken", values);
  else if (ENABLED_STATES.includes(state)) message = t("holds", { ...values, count: sharedWith.length });
  else message = t("free", { ...values, count: sharedWith.length });
  return (
    <div
      role="note"
      aria-label={t("title")}
      className={cn("rounded-md px-3 py-2 text-sm", holders.length ? "bg-red-50 text-red-900" : "bg-amber-50 text-amber-900", className)}
    >
      <p className="font-medium">{t("title")}</p>
      <p>{message}</p>
    </div>
  );
}
