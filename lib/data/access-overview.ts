import "server-only";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { accessState, type AccessState } from "@/lib/access/state";
import { getDb } from "@/lib/db";
import type { OutboxStatus } from "@/lib/mail/queue";
import type { StaffContext } from "@/lib/rights";
import { emailStatus, type EmailStatus } from "@/lib/access/email-address";
import type { Locale } from "@/lib/i18n/locales";
import { findPerson, type PersonRef } from "./people";
import type { AddressSharer } from "./shared-emails";
import { getStudentDetails } from "./students";

export type PersonAccessView = {
  ref: PersonRef;
  kind: "student" | "guardian";
  firstName: string;
  lastName: string;
  relationship: string | null;
  email: string | null;
  /** The language of the emails the person receives. */
  locale: Locale;
  emailStatus: EmailStatus;
  state: AccessState;
  enabledAt: string | null;
  activatedAt: string | null;
  lastSignInAt: string | null;
  disabledAt: string | null;
  disabledBy: string | null;
  linkExpiresAt: string | null;
  lastEmail: { status: OutboxStatus; at: string; to: string } | null;
  /** Others registered with the same address (see shared-emails.ts). */
  sharedWith: AddressSharer[];
};

const accessSelect = {
  id: true,
  enabled: true,
  passwordHash: true,
  enabledAt: true,
  activatedAt: true,
  lastSignInAt: true,
  disabledAt: true,
  linkExpiresAt: true,
  disabledBy: { select: { name: true } },
} satisfies Prisma.PortalAccessSelect;

type AccessRow = Prisma.PortalAccessGetPayload<{ select: typeof accessSelect }> | null;

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

async function lastEmails(accessIds: string[]) {
  if (!accessIds.length) return new Map<string, PersonAccessView["lastEmail"]>();
  const messages = await getDb().outboxMessage.findMany({
    where: { isCopy: false, event: { accessId: { in: accessIds } } },
    orderBy: { createdAt: "desc" },
    select: { status: true, createdAt: true, sentAt: true, toAddress: true, event: { select: { accessId: true } } },
  });
  const latest = new Map<string, PersonAccessView["lastEmail"]>();
  for (const message of messages) {
    const accessId = message.event!.accessId;
    if (!latest.has(accessId)) {
      latest.set(accessId, { status: message.status as OutboxStatus, at: (message.sentAt ?? message.createdAt).toISOString(), to: message.toAddress });
    }
  }
  return latest;
}

function view(
  ref: PersonRef,
  person: { firstName: string; lastName: string; email: string | null; locale: Locale },
  relationship: string | null,
  access: AccessRow,
  emails: Map<string, PersonAccessView["lastEmail"]>,
  sharedWith: AddressSharer[],
  now: Date,
): PersonAccessView {
  return {
    ref,
    kind: ref.guardianId ? "guardian" : "student",
    firstName: person.firstName,
    lastName: person.lastName,
    relationship,
    email: person.email,
    locale: person.locale,
    emailStatus: emailStatus(person.email),
    state: accessState(access, now),
    enabledAt: iso(access?.enabledAt),
    activatedAt: iso(access?.activatedAt),
    lastSignInAt: iso(access?.lastSignInAt),
    disabledAt: iso(access?.disabledAt),
    disabledBy: access?.disabledBy?.name ?? null,
    linkExpiresAt: iso(access?.linkExpiresAt),
    lastEmail: access ? (emails.get(access.id) ?? null) : null,
    sharedWith,
  };
}

/**
 * The Espace étudiant page: the student and each parent with their access state and dates. The
 * people, in the profile's order, and who shares their address come from getStudentDetails (cached
 * for the request: the profile's layout already read them); only the accesses and emails are read here.
 */
export async function getStudentAccessOverview(staff: StaffContext, studentId: string, now = new Date()) {
  const student = await getStudentDetails(staff, studentId);
  if (!student) return null;
  const guardianIds = student.guardians.map((guardian) => guardian.id);
  const accesses = await getDb().portalAccess.findMany({
    where: { OR: [{ studentId }, ...(guardianIds.length ? [{ guardianId: { in: guardianIds } }] : [])] },
    select: { ...accessSelect, studentId: true, guardianId: true },
  });
  const studentAccess = accesses.find((access) => access.studentId === studentId) ?? null;
  const guardianAccess = new Map(accesses.filter((access) => access.guardianId).map((access) => [access.guardianId!, access]));
  const emails = await lastEmails(accesses.map((access) => access.id));
  return {
    student: view({ studentId }, student, null, studentAccess, emails, student.sharedWith, now),
    guardians: student.guardians.map((guardian) =>
      view({ studentId, guardianId: guardian.id }, guardian, guardian.relationship, guardianAccess.get(guardian.id) ?? null, emails, guardian.sharedWith, now),
    ),
  };
}

export type AccessHistoryEntry = {
  id: string;
  type: string;
  at: string;
  actor: string | null;
  email: string | null;
  copyRequested: boolean;
  deliveries: { to: string; isCopy: boolean; status: OutboxStatus; sentAt: string | null; error: string | null }[];
};

/** "Historique": who did what to this person's access, when, and what became of each email. */
export async function getAccessHistory(staff: StaffContext, ref: PersonRef): Promise<AccessHistoryEntry[] | null> {
  const person = await findPerson(staff, ref);
  if (!person) return null;
  if (!person.accessId) return [];
  const events = await getDb().accessEvent.findMany({
    where: { accessId: person.accessId },
    orderBy: { createdAt: "desc" },
    take: 100,
    include: {
      actor: { select: { name: true } },
      messages: { select: { toAddress: true, isCopy: true, status: true, sentAt: true, lastError: true }, orderBy: { isCopy: "asc" } },
    },
  });
  return events.map((event) => ({
    id: event.id,
    type: event.type,
    at: event.createdAt.toISOString(),
    actor: event.actor?.name ?? null,
    email: event.email,
    copyRequested: event.copyRequested,
    deliveries: event.messages.map((message) => ({
      to: message.toAddress,
      isCopy: message.isCopy,
      status: message.status as OutboxStatus,
      sentAt: iso(message.sentAt),
      error: message.status === "sent" ? null : message.lastError,
    })),
  }));
}
