import { studentListSearchParams } from "@/lib/students/list-params";
import { ZBulkSelection } from "@/lib/validation/bulk";
import { parseStudentListQuery } from "@/lib/validation/students";

describe("parseStudentListQuery", () => {
  it("reads the French URL keys and words, and gives typed values", () => {
    expect(
      parseStudentListQuery({
        q: "dupont",
        ecole: "abc123",
        formation: "p1",
        classe: "c1",
        annee: "y1",
        email: "manquant",
        page: "3",
        taille: "50",
      }),
    ).toEqual({
      query: "dupont",
      schoolId: "abc123",
      programId: "p1",
      classId: "c1",
      schoolYearId: "y1",
      email: "missing",
      sort: "name",
      direction: "asc",
      page: 3,
      pageSize: 50,
    });
  });

  it("falls back to defaults for every bad value instead of failing", () => {
    expect(parseStudentListQuery({ q: "x".repeat(500), ecole: "'; DROP TABLE", email: "peut-être", page: "-4", taille: "1000" })).toEqual({
      query: "",
      schoolId: undefined,
      programId: undefined,
      classId: undefined,
      schoolYearId: undefined,
      email: undefined,
      sort: "name",
      direction: "asc",
      page: 1,
      pageSize: 25,
    });
    expect(parseStudentListQuery({ page: "abc", taille: "26" })).toMatchObject({ page: 1, pageSize: 25 });
  });

  it("takes the first of repeated parameters", () => {
    expect(parseStudentListQuery({ q: ["marie", "paul"] }).query).toBe("marie");
  });
});

describe("studentListSearchParams", () => {
  it("writes only what differs from the defaults, and round-trips", () => {
    expect(studentListSearchParams({ query: " ", page: 1, pageSize: 25 }).toString()).toBe("");
    const params = studentListSearchParams({
      query: "Hélène",
      schoolId: "s1",
      email: "present",
      access: "expired",
      page: 2,
      pageSize: 100,
    });
    expect(params.toString()).toBe("q=H%C3%A9l%C3%A8ne&ecole=s1&email=renseigne&acces=lien-expire&page=2&taille=100");
    expect(parseStudentListQuery(Object.fromEntries(params))).toMatchObject({
      query: "Hélène",
      schoolId: "s1",
      email: "present",
      access: "expired",
      page: 2,
      pageSize: 100,
    });
  });
});

describe("the list's order in the URL", () => {
  it("reads « tri » and « ordre », and writes neither for the default (by name, ascending)", () => {
    expect(parseStudentListQuery({ tri: "classe", ordre: "desc" })).toMatchObject({ sort: "class", direction: "desc" });
    expect(parseStudentListQuery({ tri: "acces" })).toMatchObject({ sort: "access", direction: "asc" });
    expect(studentListSearchParams({ sort: "class", direction: "desc" }).toString()).toBe("tri=classe&ordre=desc");
    expect(studentListSearchParams({ sort: "access", direction: "asc" }).toString()).toBe("tri=acces");
    expect(studentListSearchParams({ sort: "name", direction: "desc" }).toString()).toBe("ordre=desc");
    expect(studentListSearchParams({ sort: "name", direction: "asc", page: 1 }).toString()).toBe("");
  });

  it("falls back to the default for an unknown word, each on its own", () => {
    expect(parseStudentListQuery({ tri: "class", ordre: "descendant" })).toMatchObject({ sort: "name", direction: "asc" });
    expect(parseStudentListQuery({ tri: "nom", ordre: "desc" })).toMatchObject({ sort: "name", direction: "desc" });
    expect(parseStudentListQuery({ tri: ["acces", "classe"], ordre: "DESC" })).toMatchObject({ sort: "access", direction: "asc" });
  });

  it("does not travel with a bulk send's selection: the same students in any order", () => {
    const { page: _page, pageSize: _pageSize, ...criteria } = parseStudentListQuery({ tri: "classe", ordre: "desc", q: "dupont" });
    expect(ZBulkSelection.parse({ query: criteria })).toEqual({ query: { query: "dupont" } });
  });
});

describe("the « Accès des parents » filter in the URL", () => {
  it("reads each French word as its typed value and writes it back", () => {
    const words = {
      "aucun-actif": "noneActive",
      "au-moins-un-actif": "someActive",
      "tous-actifs": "allActive",
      invitation: "invited",
      "lien-expire": "expired",
    } as const;
    for (const [word, value] of Object.entries(words)) {
      expect(parseStudentListQuery({ "acces-parents": word }).parentAccess).toBe(value);
      expect(studentListSearchParams({ parentAccess: value }).toString()).toBe(`acces-parents=${word}`);
    }
  });

  it("is independent of the student's own Accès filter, and drops an unknown word", () => {
    expect(parseStudentListQuery({ acces: "actif", "acces-parents": "lien-expire" })).toMatchObject({
      access: "active",
      parentAccess: "expired",
    });
    expect(parseStudentListQuery({ "acces-parents": "expired" }).parentAccess).toBeUndefined();
    expect(parseStudentListQuery({ "acces-parents": "desactive" }).parentAccess).toBeUndefined();
  });

  it("travels with a bulk send's selection by query as a typed value", () => {
    const { page: _page, pageSize: _pageSize, ...criteria } = parseStudentListQuery({ "acces-parents": "tous-actifs" });
    expect(ZBulkSelection.parse({ query: criteria })).toEqual({ query: { query: "", parentAccess: "allActive" } });
    expect(ZBulkSelection.safeParse({ query: { query: "", parentAccess: "tous-actifs" } }).success).toBe(false);
  });
});

describe("a bulk send's selection by query", () => {
  it("keeps the list's typed filters, so « all matching » means what the list showed", () => {
    const {
      page: _page,
      pageSize: _pageSize,
      ...criteria
    } = parseStudentListQuery({ q: "dupont", email: "renseigne", acces: "lien-expire" });
    expect(ZBulkSelection.parse({ query: criteria })).toEqual({ query: { query: "dupont", email: "present", access: "expired" } });
  });

  it("refuses URL words and bad values instead of dropping the filter", () => {
    expect(ZBulkSelection.safeParse({ query: { query: "", access: "lien-expire" } }).success).toBe(false);
    expect(ZBulkSelection.safeParse({ query: { query: "", email: "manquant" } }).success).toBe(false);
    expect(ZBulkSelection.safeParse({ query: { query: "x".repeat(201) } }).success).toBe(false);
  });
});
