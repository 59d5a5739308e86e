"use client";
import { MoreHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import { lazyComponent } from "@/components/ui/load-on-open";
import type { EmailStatus } from "@/lib/access/email-address";
import type { AccessPerson } from "./access-dialogs";
import { AccessHistoryDialog, EditEmailDialog, ResendActivationDialog, SendReminderDialog } from "./lazy-dialogs";

export type MenuItem = "resend" | "remind" | "editEmail" | "history";
/** Why an item cannot be used (its reason shown under its label), per item. */
export type MenuBlockers = Partial<Record<MenuItem, ReturnType<typeof resendBlocker>>>;

const loadItems = () => import("./person-more-menu-items");
const PersonMoreMenuItems = lazyComponent(() => loadItems().then((module) => module.PersonMoreMenuItems));

/** Why no email can be sent to this address, if none can. */
function emailBlocker(emailStatus: EmailStatus) {
  if (emailStatus === "missing") return "missingEmail" as const;
  if (emailStatus === "invalid") return "invalidEmail" as const;
  return null;
}

/** Why "Renvoyer l'email d'activation" cannot be used for this person, if it cannot. */
export function resendBlocker(person: { state: AccessPerson["state"] }, emailStatus: EmailStatus) {
  return emailBlocker(emailStatus) ?? (person.state === "disabled" ? ("resendUnavailableDisabled" as const) : null);
}

/** « Relancer » is offered only while the invitation waits: « Invitation envoyée » or « Lien expiré ». */
export function canRemind(state: AccessPerson["state"]): boolean {
  return state === "invited" || state === "expired";
}

/** The "Plus" menu of a person: resend the activation email, remind them, correct the email, see the history. */
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
  const shown = items.filter((item) => item !== "remind" || canRemind(person.state));
  const blockers: MenuBlockers = { resend: resendBlocker(person, emailStatus), remind: emailBlocker(emailStatus) };
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
        open={(trigger) => <PersonMoreMenuItems trigger={trigger} items={shown} blockers={blockers} onSelect={setOpen} />}
      />
      <ResendActivationDialog person={person} staffEmail={staffEmail} open={open === "resend"} onOpenChange={close} />
      <SendReminderDialog person={person} staffEmail={staffEmail} open={open === "remind"} onOpenChange={close} />
      <EditEmailDialog person={person} open={open === "editEmail"} onOpenChange={close} />
      <AccessHistoryDialog person={person} open={open === "history"} onOpenChange={close} />
    </>
  );
}
