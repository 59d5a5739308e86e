"use client";
import { elided } from "@/lib/i18n/elision";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useState, type ReactNode } from "react";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { useNotice } from "@/components/ui/notice";
import { disableAccess, enableAccess, findAddressSharers, resendActivation, sendReminder } from "@/lib/actions/access";
import type { AccessState } from "@/lib/access/state";
import type { Locale } from "@/lib/i18n/locales";
import type { ActionResult } from "@/lib/errors";
import type { TPersonRef } from "@/lib/validation/access";
import type { AddressSharer } from "@/lib/data/shared-emails";
import { ConfirmDialog } from "./confirm-dialog";
import { SharedAddressNotice } from "./shared-address-notice";

/** What the access dialogs need to know about the person they act on. */
export type AccessPerson = {
  ref: TPersonRef;
  name: string;
  email: string | null;
  /** The language of the person's emails, where the page knows it (« Modifier l'email » offers to change it). */
  locale?: Locale;
  state: AccessState;
  /** Whether the person has already chosen a password (re-enabling sends no email). */
  hasPassword: boolean;
  /** Others registered with the same address, when known (the profile's Espace étudiant page). */
  sharedWith?: AddressSharer[];
  /** A parent of several children (one access for all): every child's name, the page's student first. */
  childrenNames?: string[];
};

type DialogProps = { person: AccessPerson; open: boolean; onOpenChange: (open: boolean) => void };

export function EnableAccessDialog({ person, open, onOpenChange }: DialogProps) {
  const t = useTranslations("access.enableDialog");
  const notify = useNotice();
  const values = { name: person.name, email: person.email ?? "" };
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t("title", elided(person.name))}
      description={
        <>
          <p>{person.hasPassword ? t("withoutEmail", values) : t("withEmail", values)}</p>
          <SharedAddressNotice name={person.name} state={person.state} sharedWith={person.sharedWith} />
        </>
      }
      confirmLabel={t("confirm")}
      action={() => enableAccess(person.ref)}
      onDone={(data) => notify(data.emailQueued ? t("doneWithEmail", values) : t("done"))}
    />
  );
}

export function DisableAccessDialog({ person, open, onOpenChange }: DialogProps) {
  const t = useTranslations("access.disableDialog");
  const format = useFormatter();
  const notify = useNotice();
  const children = person.childrenNames ?? [];
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      tone="danger"
      title={t("title", elided(person.name))}
      description={
        <>
          <p>{t("description", { name: person.name })}</p>
          {children.length > 1 ? <p className="font-medium">{t("allChildren", { names: format.list(children) })}</p> : null}
        </>
      }
      confirmLabel={t("confirm")}
      action={() => disableAccess(person.ref)}
      onDone={() => notify(t("done"))}
    />
  );
}

/**
 * Who shares the person's address, when the page did not load it (the Étudiants list): asked for
 * when a dialog that would enable access opens. Undefined while unknown; the server checks anyway.
 */
function useSharers(person: AccessPerson, open: boolean): AddressSharer[] | undefined {
  const [loaded, setLoaded] = useState<{ key: string; sharers: AddressSharer[] } | null>(null);
  const key = `${person.ref.studentId}:${person.ref.guardianId ?? ""}:${person.email ?? ""}`;
  const needed = open && person.state === "none" && !person.sharedWith;
  const { studentId, guardianId } = person.ref;
  useEffect(() => {
    if (!needed) return;
    let current = true;
    findAddressSharers({ studentId, guardianId })
      .then((result) => {
        if (current && result.ok) setLoaded({ key, sharers: result.data });
      })
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [needed, key, studentId, guardianId]);
  return person.sharedWith ?? (loaded?.key === key ? loaded.sharers : undefined);
}

/** "Renvoyer l'email d'activation", with the "Recevoir une copie de l'email" switch. */
export function ResendActivationDialog({ person, staffEmail, open, onOpenChange }: DialogProps & { staffEmail: string }) {
  const t = useTranslations("access.resendDialog");
  const sharedWith = useSharers(person, open);
  const values = { name: person.name, email: person.email ?? "" };
  return (
    <SendWithCopyDialog
      open={open}
      onOpenChange={onOpenChange}
      staffEmail={staffEmail}
      title={t("title")}
      description={
        <>
          <p>{t("description", values)}</p>
          {person.state === "none" ? <p className="font-medium">{t("willEnable")}</p> : null}
          {person.state === "none" ? <SharedAddressNotice name={person.name} state={person.state} sharedWith={sharedWith} /> : null}
          {person.state === "active" ? <p>{t("resetPassword", values)}</p> : null}
        </>
      }
      confirmLabel={t("confirm")}
      send={(copyToStaff) => resendActivation({ ...person.ref, copyToStaff })}
      done={(copy) => (copy ? t("doneWithCopy", values) : t("done", values))}
    />
  );
}

/** « Relancer »: a reminder with a fresh link to a person invited or whose link expired, a copy on request. */
export function SendReminderDialog({ person, staffEmail, open, onOpenChange }: DialogProps & { staffEmail: string }) {
  const t = useTranslations("access.remindDialog");
  const values = { name: person.name, email: person.email ?? "" };
  return (
    <SendWithCopyDialog
      open={open}
      onOpenChange={onOpenChange}
      staffEmail={staffEmail}
      title={t("title", { name: person.name })}
      description={
        <>
          <p>{t(person.state === "expired" ? "expired" : "invited", values)}</p>
          <p>{t("replaces")}</p>
        </>
      }
      confirmLabel={t("confirm")}
      send={(copyToStaff) => sendReminder({ ...person.ref, copyToStaff })}
      done={(copy) => (copy ? t("doneWithCopy", values) : t("done", values))}
    />
  );
}

/** A confirmation that emails the person, with « Recevoir une copie de l'email » (off each time it opens). */
function SendWithCopyDialog<T>({
  open,
  onOpenChange,
  staffEmail,
  send,
  done,
  ...texts
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  staffEmail: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  send: (copyToStaff: boolean) => Promise<ActionResult<T>>;
  /** The notice once sent, with or without the copy. */
  done: (copy: boolean) => string;
}) {
  const notify = useNotice();
  const [copy, setCopy] = useState(false);
  return (
    <ConfirmDialog
      {...texts}
      open={open}
      onOpenChange={(next) => {
        if (!next) setCopy(false);
        onOpenChange(next);
      }}
      action={() => send(copy)}
      onDone={() => notify(done(copy))}
    >
      <CopySwitch checked={copy} onCheckedChange={setCopy} staffEmail={staffEmail} />
    </ConfirmDialog>
  );
}

/** « Recevoir une copie de l'email », with what the copy is for. */
function CopySwitch({
  checked,
  onCheckedChange,
  staffEmail,
}: {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  staffEmail: string;
}) {
  const t = useTranslations("access.resendDialog");
  const switchId = useId();
  return (
    <div className="flex items-start gap-3 rounded-md border border-slate-200 p-3">
      <Switch id={switchId} checked={checked} onCheckedChange={onCheckedChange} aria-describedby={`${switchId}-help`} />
      <div>
        <Label htmlFor={switchId}>{t("copy")}</Label>
        <p id={`${switchId}-help`} className="text-xs text-slate-600">
          {t("copyHelp", { email: staffEmail })}
        </p>
      </div>
    </div>
  );
}
