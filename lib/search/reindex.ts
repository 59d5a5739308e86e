// Rebuilds the stored search texts and sort keys when the normalisation rules change, so an existing
// school finds « ndiaye » the day the new rules ship. Not server-only: run by the migration scripts.
import type { Database } from "@/lib/db/client";
import { buildGuardianSearchText, buildSearchText, buildSortKey, SEARCH_TEXT_VERSION } from "./normalize";

const VERSION_KEY = "searchTextVersion";
const BATCH = 500;

type FamilyTables = { student: Database["student"]; studentGuardian: Database["studentGuardian"] };

/**
 * Recomputes the parents' search text stored on these students (after a parent's name or email
 * changed, or a parent was linked). Works inside a transaction as well as on the client.
 */
export async function refreshGuardianSearchTexts(db: FamilyTables, studentIds: string[]): Promise<void> {
  for (let start = 0; start < studentIds.length; start += BATCH) {
    const slice = studentIds.slice(start, start + BATCH);
    const links = await db.studentGuardian.findMany({
      where: { studentId: { in: slice } },
      select: { studentId: true, guardian: { select: { searchText: true } } },
      orderBy: [{ studentId: "asc" }, { guardianId: "asc" }],
    });
    const texts = new Map<string, string[]>(slice.map((id) => [id, []]));
    for (const link of links) texts.get(link.studentId)?.push(link.guardian.searchText);
    for (const [id, guardianTexts] of texts) {
      await db.student.update({ where: { id }, data: { guardianSearchText: buildGuardianSearchText(guardianTexts) } });
    }
  }
}

/** Brings every stored search text to SEARCH_TEXT_VERSION; returns how many rows were rewritten. */
export async function refreshSearchTexts(db: Database): Promise<number> {
  const stored = await db.appSetting.findUnique({ where: { key: VERSION_KEY } });
  if (stored?.value === String(SEARCH_TEXT_VERSION)) return 0;
  let rewritten = 0;
  for (let cursor: string | undefined; ; ) {
    const students = await db.student.findMany({
      select: { id: true, firstName: true, lastName: true, email: true, studentNumber: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (!students.length) break;
    await db.$transaction(
      students.map((student) =>
        db.student.update({ where: { id: student.id }, data: { searchText: buildSearchText(student), sortKey: buildSortKey(student) } }),
      ),
    );
    rewritten += students.length;
    cursor = students[students.length - 1].id;
  }
  for (let cursor: string | undefined; ; ) {
    const guardians = await db.guardian.findMany({
      select: { id: true, firstName: true, lastName: true, email: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (!guardians.length) break;
    await db.$transaction(guardians.map((guardian) => db.guardian.update({ where: { id: guardian.id }, data: { searchText: buildSearchText(guardian) } })));
    rewritten += guardians.length;
    cursor = guardians[guardians.length - 1].id;
  }
  for (let cursor: string | undefined; ; ) {
    const students = await db.student.findMany({
      select: { id: true, guardians: { select: { guardian: { select: { searchText: true } } }, orderBy: { guardianId: "asc" } } },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (!students.length) break;
    await db.$transaction(
      students.map((student) =>
        db.student.update({
          where: { id: student.id },
          data: { guardianSearchText: buildGuardianSearchText(student.guardians.map((link) => link.guardian.searchText)) },
        }),
      ),
    );
    cursor = students[students.length - 1].id;
  }
  await db.appSetting.upsert({
    where: { key: VERSION_KEY },
    create: { key: VERSION_KEY, value: String(SEARCH_TEXT_VERSION) },
    update: { value: String(SEARCH_TEXT_VERSION) },
  });
  return rewritten;
}
