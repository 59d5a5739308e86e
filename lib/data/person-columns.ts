// The columns a Student or Guardian row derives from what staff enter: its address's key (one address,
// one account), whether it has an address, its search text and sort key; and a class's sort key. The
// app, the seed and the test factories all write them through these functions, so no row's copies
// disagree with its source. Pure (no server-only): the seed's raw multi-row INSERTs use them too.
import { emailKey } from "@/lib/access/email-key";
import { buildClassSortKey, buildSearchText, buildSortKey } from "@/lib/search/normalize";

type StudentSource = { firstName: string; lastName: string; email: string | null; studentNumber: string };
type GuardianSource = { firstName: string; lastName: string; email: string | null };

/** What a Student row stores besides its source columns; `guardianSearchText` comes from its parents (lib/search/reindex.ts). */
export function deriveStudentColumns(student: StudentSource) {
  return {
    emailKey: emailKey(student.email),
    hasEmail: student.email !== null,
    searchText: buildSearchText(student),
    sortKey: buildSortKey(student),
  };
}

/** What a Guardian row stores besides its source columns. */
export function deriveGuardianColumns(guardian: GuardianSource) {
  return { emailKey: emailKey(guardian.email), searchText: buildSearchText(guardian) };
}

/** A SchoolClass row's name and the key the list sorts it by (each student keeps a copy, by trigger). */
export function deriveClassColumns(name: string) {
  return { name, sortKey: buildClassSortKey(name) };
}
