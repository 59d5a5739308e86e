/** @jest-environment node */
// A school whose search texts were built with older rules finds « ndiaye » after the next migration.
import { findStudents } from "@/lib/data/students";
import { getDb } from "@/lib/db";
import { RIGHTS } from "@/lib/rights";
import { refreshSearchTexts } from "@/lib/search/reindex";
import { SEARCH_TEXT_VERSION } from "@/lib/search/normalize";
import { parseStudentListQuery } from "@/lib/validation/students";
import { createStaff, createStudent, createWorld } from "../factories/school";

it("rebuilds stored search texts once when the normalisation rules change", async () => {
  const db = getDb();
  const world = await createWorld();
  const staff = await createStaff(world, { rights: [RIGHTS.viewStudent] });
  const student = await createStudent(world, {
    firstName: "Jean-Baptiste",
    lastName: "N'Diaye",
    guardians: [{ firstName: "Awa", lastName: "N'Diaye", email: "awa@famille.test" }],
  });
  // As the previous rules stored them: apostrophes and hyphens kept, no parent texts.
  await db.student.update({
    where: { id: student.id },
    data: { searchText: "jean-baptiste n'diaye jean baptiste n diaye", sortKey: "n'diaye jean-baptiste", guardianSearchText: "" },
  });
  await db.guardian.updateMany({ where: { students: { some: { studentId: student.id } } }, data: { searchText: "" } });
  await db.appSetting.deleteMany({ where: { key: "searchTextVersion" } });
  const find = async (q: string) => (await findStudents(staff, parseStudentListQuery({ q }))).rows.map((row) => row.id);
  expect(await find("ndiaye")).toEqual([]);
  expect(await find("awa")).toEqual([]);

  expect(await refreshSearchTexts(db)).toBeGreaterThanOrEqual(2);
  expect((await findStudents(staff, parseStudentListQuery({ q: "awa" }))).rows[0]?.matchedGuardian).toBe("Awa N'Diaye");
  expect(await find("ndiaye")).toEqual([student.id]);
  expect(await find("awa")).toEqual([student.id]);
  expect(await db.appSetting.findUnique({ where: { key: "searchTextVersion" } })).toEqual({
    key: "searchTextVersion",
    value: String(SEARCH_TEXT_VERSION),
  });
  expect(await refreshSearchTexts(db)).toBe(0);
});
