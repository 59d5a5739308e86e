"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { EmailText } from "@/components/students/email-text";
import { relationshipKey } from "@/components/students/relationship";
import { StudentOtherChildren } from "@/components/students/student-other-children";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { PersonAccessView } from "@/lib/data/access-overview";
import type { ChildSummary } from "@/lib/data/students";
import { AccessBadge } from "./access-badge";
import type { AccessPerson } from "./access-dialogs";
import { AccessHistoryDialog, DisableAccessDialog, EditEmailDialog, EnableAccessDialog, SendReminderDialog } from "./lazy-dialogs";
import { canRemind, PersonMoreMenu } from "./person-more-menu";
import { addressTaken, SharedAddressNotice } from "./shared-address-notice";

/** A parent's children: the student whose page this is, and the others the staff member may see. */
export type PersonFamily = { studentName: string; otherChildren: ChildSummary[] };

/** One person's block on the Espace étudiant page: state, email, dates, and the actions they allow. */
export function PersonAccessSection({
  view,
  staffEmail,
  canEdit,
  family,
}: {
  view: PersonAccessView;
  staffEmail: string;
  canEdit: boolean;
  family?: PersonFamily;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const [dialog, setDialog] = useState<"enable" | "disable" | "remind" | "editEmail" | "history" | null>(null);
  const name = `${view.firstName} ${view.lastName}`;
  const person: AccessPerson = {
    ref: view.ref,
    name,
    email: view.email,
    locale: view.locale,
    state: view.state,
    hasPassword: view.activatedAt !== null,
    sharedWith: view.sharedWith,
    // One access serves every child of a parent: the disable dialog names them all.
    childrenNames: family?.otherChildren.length
      ? [family.studentName, ...family.otherChildren.map((child) => `${child.firstName} ${child.lastName}`)]
      : undefined,
  };
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long", timeStyle: "short" });
  const headingId = `access-${view.ref.guardianId ?? view.ref.studentId}`;
  const emailProblem = view.emailStatus === "missing" ? "missingEmail" : view.emailStatus === "invalid" ? "invalidEmail" : null;
  const close = (next: boolean) => (next ? null : setDialog(null));

  return (
    <Card aria-labelledby={headingId}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">
            {view.kind === "student" ? t("access.studentSection") : t(relationshipKey(view.relationship ?? "other"))}
          </p>
          <h2 id={headingId} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
            {name} <AccessBadge state={view.state} />
          </h2>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {canEdit && (view.state === "none" || view.state === "disabled") ? (
            <Button onClick={() => setDialog("enable")} disabled={!!emailProblem || addressTaken(view.sharedWith)}>
              {t("access.enable")}
            </Button>
          ) : null}
          {canEdit && canRemind(view.state) ? (
            <Button onClick={() => setDialog("remind")} disabled={!!emailProblem}>
              {t("access.remind")}
            </Button>
          ) : null}
          {/* Rare and destructive: never the most prominent button of a card. */}
          {canEdit && (view.state === "invited" || view.state === "expired" || view.state === "active") ? (
            <Button variant="danger-outline" onClick={() => setDialog("disable")}>
              {t("access.disable")}
            </Button>
          ) : null}
          {canEdit ? (
            <PersonMoreMenu
              person={person}
              emailStatus={view.emailStatus}
              staffEmail={staffEmail}
              items={["resend", "history"]}
              size="md"
            />
          ) : (
            <Button variant="secondary" onClick={() => setDialog("history")}>
              {t("access.history")}
            </Button>
          )}
        </div>
      </div>
      {family ? <StudentOtherChildren otherChildren={family.otherChildren} className="mt-2" /> : null}
      {canEdit && emailProblem ? (
        <p className="mt-3 flex flex-wrap items-center gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t(`access.${emailProblem}`)} ·
          <button type="button" className="font-medium underline" onClick={() => setDialog("editEmail")}>
            {view.emailStatus === "missing" ? t("access.addEmail") : t("access.fixEmail")}
          </button>
        </p>
      ) : null}
      {view.emailStatus === "valid" ? (
        <SharedAddressNotice name={name} state={view.state} sharedWith={view.sharedWith} className="mt-3" />
      ) : null}
      {canEdit && view.emailStatus === "valid" && addressTaken(view.sharedWith) ? (
        <p className="mt-2 text-sm">
          <button type="button" className="font-medium underline" onClick={() => setDialog("editEmail")}>
            {t("access.editEmail")}
          </button>
        </p>
      ) : null}
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="text-slate-600">{t("access.details.email")}</dt>
        <dd>
          <EmailText email={view.email} status={view.emailStatus} />
        </dd>
        {view.enabledAt && view.state !== "none" ? (
          <>
            <dt className="text-slate-600">{t("access.details.enabledAt")}</dt>
            <dd>{date(view.enabledAt)}</dd>
          </>
        ) : null}
        {view.state === "invited" && view.linkExpiresAt ? (
          <>
            <dt className="text-slate-600">{t("access.details.link")}</dt>
            <dd>{t("access.details.linkValid", { date: date(view.linkExpiresAt) })}</dd>
          </>
        ) : null}
        {view.state === "expired" ? (
          <>
            <dt className="text-slate-600">{t("access.details.link")}</dt>
            <dd>{t("access.details.linkExpired")}</dd>
          </>
        ) : null}
        {view.activatedAt ? (
          <>
            <dt className="text-slate-600">{t("access.details.activatedAt")}</dt>
            <dd>{date(view.activatedAt)}</dd>
          </>
        ) : null}
        {view.state === "active" ? (
          <>
            <dt className="text-slate-600">{t("access.details.lastSignIn")}</dt>
            <dd>{view.lastSignInAt ? date(view.lastSignInAt) : t("access.details.never")}</dd>
          </>
        ) : null}
        {view.state === "disabled" && view.disabledAt ? (
          <>
            <dt className="text-slate-600">{t("access.details.state")}</dt>
            <dd>
              {view.disabledBy
                ? t("access.details.disabled", { date: date(view.disabledAt), name: view.disabledBy })
                : t("access.details.disabledUnknown", { date: date(view.disabledAt) })}
            </dd>
          </>
        ) : null}
        {view.lastEmail ? (
          <>
            <dt className="text-slate-600">{t("access.details.lastEmail")}</dt>
            <dd>
              {t("access.details.lastEmailValue", { status: t(`access.outbox.${view.lastEmail.status}`), date: date(view.lastEmail.at) })}
            </dd>
          </>
        ) : null}
      </dl>
      <EnableAccessDialog person={person} open={dialog === "enable"} onOpenChange={close} />
      <DisableAccessDialog person={person} open={dialog === "disable"} onOpenChange={close} />
      <SendReminderDialog person={person} staffEmail={staffEmail} open={dialog === "remind"} onOpenChange={close} />
      <EditEmailDialog person={person} open={dialog === "editEmail"} onOpenChange={close} />
      <AccessHistoryDialog person={person} open={dialog === "history"} onOpenChange={close} />
    </Card>
  );
}
