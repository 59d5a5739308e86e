// Rebuilds the stored search texts and sort keys when the normalisation rules change, so an existing
// school finds « ndiaye » the day the new rules ship. Not server-only: run by the migration scripts.
import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/sqlite/client";
import { buildClassSortKey, buildGuardianSearchText, buildSearchText, buildSortKey, SEARCH_TEXT_VERSION } from "./normalize";

const VERSION_KEY = "searchTextVersion";
const BATCH = 500;

type FamilyTables = { studentGuardian: Database["studentGuardian"]; $executeRaw: Database["$executeRaw"] };

/**
 * Sets text columns of many rows in one statement (UPDATE … SET col = CASE id WHEN … END): a row at a
 * time, a rebuild of 100,000 students took minutes. Prisma.sql writes the placeholders of whichever
 * database the client talks to.
 */
function updateTexts(db: Pick<Database, "$executeRaw">, table: "Student" | "Guardian", rows: ({ id: string } & Record<string, string>)[]) {
  if (!rows.length) return Promise.resolve(0);
  const columns = Object.keys(rows[0]).filter((column) => column !== "id");
  const sets = columns.map(
    (column) =>
      Prisma.sql`${Prisma.raw(`"${column}"`)} = CASE "id" ${Prisma.join(
        rows.map((row) => Prisma.sql`WHEN ${row.id} THEN ${row[column]}`),
        " ",
      )} END`,
  );
  return db.$executeRaw`UPDATE ${Prisma.raw(`"${table}"`)} SET ${Prisma.join(sets, ", ")} WHERE "id" IN (${Prisma.join(rows.map((row) => row.id))})`;
}

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
    await updateTexts(
      db,
      "Student",
      [...texts].map(([id, guardianTexts]) => ({ id, guardianSearchText: buildGuardianSearchText(guardianTexts) })),
    );
  }
}

type Page = { take: number; orderBy: { id: "asc" }; cursor?: { id: string }; skip?: number };

/** Walks a table in id order, BATCH rows at a time; returns how many rows were read. */
async function inBatches<T extends { id: string }>(
  read: (page: Page) => Promise<T[]>,
  write: (rows: T[]) => Promise<unknown>,
): Promise<number> {
  let total = 0;
  for (let cursor: string | undefined; ;) {
    const rows = await read({ take: BATCH, orderBy: { id: "asc" }, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
    if (!rows.length) return total;
    await write(rows);
    total += rows.length;
    cursor = rows[rows.length - 1].id;
  }
}

/**
 * Brings every class's sort key up to date: a few hundred rows, checked at every start, so a key
 * written by a migration (or under older rules) is replaced; database triggers copy it to the
 * class's students. Returns how many classes were rewritten.
 */
export async function refreshClassSortKeys(db: Database): Promise<number> {
  const classes = await db.schoolClass.findMany({ select: { id: true, name: true, sortKey: true } });
  const stale = classes.filter((schoolClass) => schoolClass.sortKey !== buildClassSortKey(schoolClass.name));
  for (const { id, name } of stale) await db.schoolClass.update({ where: { id }, data: { sortKey: buildClassSortKey(name) } });
  return stale.length;
}

/** Brings every stored search text to SEARCH_TEXT_VERSION and every class's sort key up to date; returns how many rows were rewritten. */
export async function refreshSearchTexts(db: Database): Promise<number> {
  const classes = await refreshClassSortKeys(db);
  const stored = await db.appSetting.findUnique({ where: { key: VERSION_KEY } });
  if (stored?.value === String(SEARCH_TEXT_VERSION)) return classes;
  const students = await inBatches(
    (page) => db.student.findMany({ ...page, select: { id: true, firstName: true, lastName: true, email: true, studentNumber: true } }),
    (rows) =>
      updateTexts(
        db,
        "Student",
        rows.map((row) => ({ id: row.id, searchText: buildSearchText(row), sortKey: buildSortKey(row) })),
      ),
  );
  const guardians = await inBatches(
    (page) => db.guardian.findMany({ ...page, select: { id: true, firstName: true, lastName: true, email: true } }),
    (rows) =>
      updateTexts(
        db,
        "Guardian",
        rows.map((row) => ({ id: row.id, searchText: buildSearchText(row) })),
      ),
  );
  // After the parents' own texts, which these are made of.
  await inBatches(
    (page) => db.student.findMany({ ...page, select: { id: true } }),
    (rows) =>
      refreshGuardianSearchTexts(
        db,
        rows.map((row) => row.id),
      ),
  );
  await db.appSetting.upsert({
    where: { key: VERSION_KEY },
    create: { key: VERSION_KEY, value: String(SEARCH_TEXT_VERSION) },
    update: { value: String(SEARCH_TEXT_VERSION) },
  });
  return classes + students + guardians;
}
