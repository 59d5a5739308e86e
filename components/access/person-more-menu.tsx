"use client";
import { MoreHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import { lazyComponent } from "@/components/ui/load-on-open";
import type { EmailStatus } from "@/lib/access/email-address";
import type { AccessPerson } from "./access-dialogs";
import { AccessHistoryDialog, EditEmailDialog, ResendActivationDialog } from "./lazy-dialogs";

export type MenuItem = "resend" | "editEmail" | "history";
export type ResendBlocker = ReturnType<typeof resendBlocker>;

const loadItems = () => import("./person-more-menu-items");
const PersonMoreMenuItems = lazyComponent(() => loadItems().then((module) => module.PersonMoreMenuItems));

/** Why "Renvoyer l'email d'activation" cannot be used for this person, if it cannot. */
export function resendBlocker(person: { state: AccessPerson["state"] }, emailStatus: EmailStatus) {
  if (emailStatus === "missing") return "missingEmail" as const;
  if (emailStatus === "invalid") return "invalidEmail" as const;
  if (person.state === "disabled") return "resendUnavailableDisabled" as const;
  return null;
}

/** The "Plus" menu of a person: resend the activation email, correct the email, see the history. */
export function PersonMoreMenu({
  person,
  emailStatus,
  staffEmail,
  items,
  size = "sm",
}: {
  person: AccessPerson;
  emailStatus: EmailStatus;
  staffEmail: string;
  items: MenuItem[];
  size?: "sm" | "md";
}) {
  const t = useTranslations("access");
  const [open, setOpen] = useState<MenuItem | null>(null);
  const close = (next: boolean) => (next ? null : setOpen(null));
  return (
    <>
      <DeferredPopup
        kind="menu"
        preload={loadItems}
        trigger={
          <Button variant="secondary" size={size} aria-label={t("moreFor", { name: person.name })}>
            <MoreHorizontal aria-hidden className="h-4 w-4" />
            {t("more")}
          </Button>
        }
        open={(trigger) => (
          <PersonMoreMenuItems trigger={trigger} items={items} blocker={resendBlocker(person, emailStatus)} onSelect={setOpen} />
        )}
      />
      <ResendActivationDialog person={person} staffEmail={staffEmail} open={open === "resend"} onOpenChange={close} />
      <EditEmailDialog person={person} open={open === "editEmail"} onOpenChange={close} />
      <AccessHistoryDialog person={person} open={open === "history"} onOpenChange={close} />
    </>
  );
}
