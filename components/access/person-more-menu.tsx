"use client";
import { History, Mail, MoreHorizontal, Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { EmailStatus } from "@/lib/access/email-address";
import { ResendActivationDialog, type AccessPerson } from "./access-dialogs";
import { AccessHistoryDialog } from "./access-history-dialog";
import { EditEmailDialog } from "./edit-email-dialog";

type MenuItem = "resend" | "editEmail" | "history";

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
  const blocker = resendBlocker(person, emailStatus);
  const close = (next: boolean) => (next ? null : setOpen(null));
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="secondary" size={size} aria-label={t("moreFor", { name: person.name })}>
            <MoreHorizontal aria-hidden className="h-4 w-4" />
            {t("more")}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          {items.includes("resend") ? (
            <DropdownMenuItem disabled={!!blocker} onSelect={() => setOpen("resend")}>
              <Mail aria-hidden className="h-4 w-4" />
              <span className="flex flex-col">
                {t("resend")}
                {blocker ? <span className="text-xs text-slate-500">{t(blocker)}</span> : null}
              </span>
            </DropdownMenuItem>
          ) : null}
          {items.includes("editEmail") ? (
            <DropdownMenuItem onSelect={() => setOpen("editEmail")}>
              <Pencil aria-hidden className="h-4 w-4" />
              {t("editEmail")}
            </DropdownMenuItem>
          ) : null}
          {items.includes("history") ? (
            <DropdownMenuItem onSelect={() => setOpen("history")}>
              <History aria-hidden className="h-4 w-4" />
              {t("history")}
            </DropdownMenuItem>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      <ResendActivationDialog person={person} staffEmail={staffEmail} open={open === "resend"} onOpenChange={close} />
      <EditEmailDialog person={person} open={open === "editEmail"} onOpenChange={close} />
      <AccessHistoryDialog person={person} open={open === "history"} onOpenChange={close} />
    </>
  );
}
