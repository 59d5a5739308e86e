import "server-only";
import { emailKey } from "@/lib/access/email-key";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { Transaction } from "@/lib/db/client";
import { queueActivationEmails } from "@/lib/mail/queue";
import type { StaffContext } from "@/lib/rights";
import { newLink, type NewLink } from "./access/links";
import { emailProblem } from "./access/outcome";
import type { SkipReason } from "@/lib/errors";
import { SCHOOL_OF_PERSON, studentPerson, type SchoolOfPerson } from "./people";
import { isMissingRecord, isMissingReference, isUniqueViolation } from "@/lib/db/errors";
import { newRowId } from "@/lib/db/insert-sql";
import { insertRows } from "@/lib/db/insert-rows";
import { visibleStudentsWhere } from "./scope";

// What the plan relies on about a student's access: read with the batch, read again under lock.
// passwordHash: who has chosen a password is sent a new one (staff_reset), not the invitation.
const accessColumns = { id: true, enabled: true, disabledAt: true, signInEmail: true, passwordHash: true } satisfies Prisma.PortalAccessSelect;

type StudentRow = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  emailKey: string | null;
  locale: string;
  school: SchoolOfPerson;
  access: Prisma.PortalAccessGetPayload<{ select: typeof accessColumns }> | null;
};

/** The world changed between the reads and the transaction: the batch is left to the one-by-one path. */
class BatchOutdated extends Error {}

/**
 * Prepares a batch of a bulk send's students the way resendActivation prepares one — same skips,
 * same writes — with a dozen statements for the whole batch instead of some fifteen per student.
 * Everything is written in one transaction with the bulk items, so a crash leaves the batch entirely
 * done or not at all.
 *
 * Returns the students it did not prepare: not visible (or deleted), or whose batch met a concurrent
 * change (an email corrected, an access enabled elsewhere, a unique key taken). The caller prepares
 * those with resendActivation, the reference path, which knows how to answer each case.
 */
export async function prepareStudentsTogether(staff: StaffContext, bulkSendId: string, studentIds: string[], now = new Date()): Promise<string[]> {
  const db = getDb();
  const rows: StudentRow[] = await db.student.findMany({
    where: { AND: [{ id: { in: studentIds } }, visibleStudentsWhere(staff)] },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      emailKey: true,
      locale: true,
      school: { select: SCHOOL_OF_PERSON },
      access: { select: accessColumns },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const leftovers = studentIds.filter((id) => !byId.has(id));
  const plan = await planBatch(studentIds.flatMap((id) => byId.get(id) ?? []));
  leftovers.push(...plan.leftovers);
  if (!plan.sends.length && !plan.skips.length) return leftovers;

  // The random tokens before the transaction, as resendActivation draws them.
  const sends: Send[] = plan.sends.map((row) => ({ row, key: emailKey(row.email)!, link: newLink(studentPerson(row), null, now, row.access?.passwordHash ? "staff_reset" : "invitation") }));
  // Pages waiting are served first, and the transaction starts in a turn of the event loop of its
  // own: on SQLite it then runs in one go, no other work's statements in the middle (see writeBatch).
  await yieldToEventLoop();
  try {
    await db.$transaction((tx) => writeBatch(tx, staff, bulkSendId, sends, plan.skips, now));
  } catch (error) {
    // Nothing of the batch was written: every student of it goes the one-by-one way.
    if (error instanceof BatchOutdated || isConflict(error)) return studentIds;
    throw error;
  }
  return leftovers;
}

type Send = { row: StudentRow; key: string; link: NewLink };

/**
 * What resendActivation's transaction writes for each student, for the whole batch: a dozen
 * statements, the rows inserted with multi-row INSERTs (insertRows). Nothing in it may wait for
 * anything but the database: on SQLite, whatever else ran on the one connection meanwhile would run
 * inside this transaction (and be rolled back with it).
 */
async function writeBatch(tx: Transaction, staff: StaffContext, bulkSendId: string, sends: Send[], skips: { row: StudentRow; outcome: SkipReason }[], now: Date) {
  await lockAndRecheck(tx, sends.map(({ row }) => row), now);
  const known = sends.filter(({ row }) => row.access);
  const accessIdOf = new Map(known.map(({ row }) => [row.id, row.access!.id]));
  // Students who never had an access row get it in its final state: enabled, their address, the link's expiry.
  const created = sends.filter(({ row }) => !row.access).map((send) => ({ send, id: newRowId() }));
  await insertRows(
    tx,
    "PortalAccess",
    created.map(({ send, id }) => ({
      id,
      studentId: send.row.id,
      enabled: true,
      enabledAt: now,
      enabledById: staff.id,
      signInEmail: send.key,
      linkExpiresAt: send.link.expiresAt,
      sessionVersion: 1,
      createdAt: now,
      updatedAt: now,
    })),
  );
  for (const { send, id } of created) accessIdOf.set(send.row.id, id);
  const accessOf = (send: Send) => accessIdOf.get(send.row.id)!;

  const toEnable = known.filter(({ row }) => !row.access!.enabled);
  if (toEnable.length) await tx.portalAccess.updateMany({ where: { id: { in: toEnable.map(accessOf) } }, data: { enabled: true, enabledAt: now, enabledById: staff.id } });
  // One address, one account: the unique column refuses an address another access took meanwhile.
  // The student's stored emailKey is emailKey(email) (checked in planBatch): one statement for all.
  const toClaim = known.filter(({ row, key }) => row.access!.signInEmail !== key).map(accessOf);
  if (toClaim.length) {
    await tx.$executeRaw`UPDATE "PortalAccess" SET "signInEmail" = (SELECT "emailKey" FROM "Student" WHERE "Student"."id" = "PortalAccess"."studentId") WHERE "id" IN (${Prisma.join(toClaim)})`;
  }
  if (known.length) {
    // A link sent by staff replaces earlier ones and ends open portal sessions (see issueLink).
    await tx.activationLink.updateMany({ where: { accessId: { in: known.map(accessOf) }, usedAt: null, revokedAt: null }, data: { revokedAt: now, revokedReason: "newer_link" } });
    // Every link of the batch was drawn at `now`: one expiry for all.
    await tx.portalAccess.updateMany({ where: { id: { in: known.map(accessOf) } }, data: { linkExpiresAt: known[0].link.expiresAt, sessionVersion: { increment: 1 } } });
  }
  await insertRows(
    tx,
    "ActivationLink",
    sends.map((send) => ({ id: newRowId(), accessId: accessOf(send), tokenHash: send.link.tokenHash, sentTo: send.row.email, createdAt: now, expiresAt: send.link.expiresAt })),
  );

  // History: "enabled" strictly before "link_sent", as when the two are written one after the other.
  const enabledAt = new Date();
  const sentAt = new Date(enabledAt.getTime() + 1);
  const event = (send: Send, type: string, createdAt: Date) => ({ id: newRowId(), accessId: accessOf(send), type, actorId: staff.id, email: send.row.email, copyRequested: false, createdAt });
  await insertRows(tx, "AccessEvent", [...created.map(({ send }) => send), ...toEnable].map((send) => event(send, "enabled", enabledAt)));
  const linkEvents = sends.map((send) => event(send, "link_sent", sentAt));
  await insertRows(tx, "AccessEvent", linkEvents);
  const messageIds = await queueActivationEmails(
    tx,
    sends.map((send, index) => ({ ...send.link.email, to: send.row.email!, eventId: linkEvents[index].id, bulkSendId })),
  );
  // The unique (bulk, student) key: a student another worker prepared meanwhile rolls the batch back.
  await insertRows(tx, "BulkSendItem", [
    ...sends.map(({ row }, index) => ({ id: newRowId(), bulkSendId, studentId: row.id, personKey: row.id, outcome: "queued", outboxMessageId: messageIds[index] })),
    ...skips.map(({ row, outcome }) => ({ id: newRowId(), bulkSendId, studentId: row.id, personKey: row.id, outcome, outboxMessageId: null })),
  ]);
}

/** Who is skipped and why, who is sent a link, in the order of the selection (first come, first served for a shared address). */
async function planBatch(rows: StudentRow[]) {
  const keys = [...new Set(rows.map((row) => emailKey(row.email)).filter((key): key is string => !!key))];
  const holders = keys.length
    ? await getDb().portalAccess.findMany({ where: { signInEmail: { in: keys } }, select: { id: true, signInEmail: true } })
    : [];
  const heldBy = new Map<string, string>(holders.map((holder) => [holder.signInEmail!, holder.id]));
  const plan = { sends: [] as StudentRow[], skips: [] as { row: StudentRow; outcome: SkipReason }[], leftovers: [] as string[] };
  for (const row of rows) {
    const problem = emailProblem(studentPerson(row));
    const key = emailKey(row.email);
    const holder = key ? heldBy.get(key) : undefined;
    if (problem === "missing_email" || problem === "invalid_email") plan.skips.push({ row, outcome: problem });
    else if (row.access && !row.access.enabled && row.access.disabledAt) plan.skips.push({ row, outcome: "disabled" });
    else if (holder && holder !== row.access?.id) plan.skips.push({ row, outcome: "email_in_use" });
    else if (row.emailKey !== key) plan.leftovers.push(row.id);
    else {
      plan.sends.push(row);
      // A later student of the batch with the same address finds it taken, as it would one by one.
      heldBy.set(key!, row.access?.id ?? `new:${row.id}`);
    }
  }
  return plan;
}

/**
 * First statements of the transaction, as lockAndRecheck for one person: lock the existing access
 * rows (PostgreSQL holds them until commit), then check that nothing the plan relied on has changed.
 */
async function lockAndRecheck(tx: Transaction, sends: StudentRow[], now: Date) {
  const existing = sends.flatMap((row) => (row.access ? [row.access.id] : []));
  if (existing.length) await tx.portalAccess.updateMany({ where: { id: { in: existing } }, data: { updatedAt: now } });
  const current = await tx.student.findMany({
    where: { id: { in: sends.map((row) => row.id) } },
    select: { id: true, email: true, emailKey: true, access: { select: accessColumns } },
  });
  const planned = new Map(sends.map((row) => [row.id, row]));
  const same = (a: StudentRow["access"], b: StudentRow["access"]) =>
    a?.id === b?.id && a?.enabled === b?.enabled && a?.disabledAt?.getTime() === b?.disabledAt?.getTime() && a?.signInEmail === b?.signInEmail;
  const changed = current.length !== sends.length || current.some((row) => {
    const before = planned.get(row.id)!;
    return row.email !== before.email || row.emailKey !== before.emailKey || !same(row.access, before.access);
  });
  if (changed) throw new BatchOutdated();
}

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/**
 * A unique key taken or a row gone meanwhile: races the one-by-one path answers student by student.
 */
function isConflict(error: unknown): boolean {
  return isUniqueViolation(error) || isMissingReference(error) || isMissingRecord(error);
}
