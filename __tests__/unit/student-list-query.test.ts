import { studentListSearchParams } from "@/lib/students/list-params";
import { parseStudentListQuery } from "@/lib/validation/students";

describe("parseStudentListQuery", () => {
  it("reads the French URL keys", () => {
    expect(
      parseStudentListQuery({ q: "dupont", ecole: "abc123", formation: "p1", classe: "c1", annee: "y1", email: "manquant", page: "3", taille: "50" }),
    ).toEqual({
      query: "dupont",
      schoolId: "abc123",
      programId: "p1",
      classId: "c1",
      schoolYearId: "y1",
      email: "manquant",
      page: 3,
      pageSize: 50,
    });
  });

  it("falls back to defaults for every bad value instead of failing", () => {
    expect(
      parseStudentListQuery({ q: "x".repeat(500), ecole: "'; DROP TABLE", email: "peut-être", page: "-4", taille: "1000" }),
    ).toEqual({ query: "", schoolId: undefined, programId: undefined, classId: undefined, schoolYearId: undefined, email: undefined, page: 1, pageSize: 25 });
    expect(parseStudentListQuery({ page: "abc", taille: "26" })).toMatchObject({ page: 1, pageSize: 25 });
  });

  it("takes the first of repeated parameters", () => {
    expect(parseStudentListQuery({ q: ["marie", "paul"] }).query).toBe("marie");
  });
});

describe("studentListSearchParams", () => {
  it("writes only what differs from the defaults, and round-trips", () => {
    expect(studentListSearchParams({ query: " ", page: 1, pageSize: 25 }).toString()).toBe("");
    const params = studentListSearchParams({ query: "Hélène", schoolId: "s1", email: "renseigne", page: 2, pageSize: 100 });
    expect(params.toString()).toBe("q=H%C3%A9l%C3%A8ne&ecole=s1&email=renseigne&page=2&taille=100");
    expect(parseStudentListQuery(Object.fromEntries(params))).toMatchObject({ query: "Hélène", schoolId: "s1", page: 2, pageSize: 100 });
  });
});
