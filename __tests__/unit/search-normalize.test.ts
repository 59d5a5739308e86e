import { buildSearchText, buildSortKey, normalizeText, searchTokens } from "@/lib/search/normalize";

describe("normalizeText", () => {
  it.each([
    ["Hélène", "helene"],
    ["  ÉLOÏSE   Lefèvre ", "eloise lefevre"],
    ["Cœur", "coeur"],
    ["Lætitia", "laetitia"],
    ["N’Diaye", "n'diaye"],
    ["FRANÇOIS", "francois"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe("buildSearchText", () => {
  it("holds names, their hyphen-free spelling, email and student number, without LIKE wildcards", () => {
    expect(
      buildSearchText({ firstName: "Jean-Baptiste", lastName: "N'Diaye", email: "jb_n%d@exemple.fr", studentNumber: "E000042" }),
    ).toBe("jean-baptiste n'diaye jean baptiste n diaye jb n d@exemple.fr e000042");
  });

  it("skips missing parts", () => {
    expect(buildSearchText({ firstName: "Zoé", lastName: "Roux", email: null })).toBe("zoe roux");
  });
});

describe("buildSortKey", () => {
  it("orders by last name then first name, ignoring accents and case", () => {
    const people = [
      { firstName: "Émile", lastName: "Zola" },
      { firstName: "zoé", lastName: "écuyer" },
      { firstName: "Anne", lastName: "Ecuyer" },
      { firstName: "Marc", lastName: "Dupont" },
    ];
    expect(people.map(buildSortKey).sort()).toEqual(["dupont marc", "ecuyer anne", "ecuyer zoe", "zola emile"]);
  });
});

describe("searchTokens", () => {
  it("splits a query into normalised, distinct words", () => {
    expect(searchTokens("  Dupont   MARIE dupont ")).toEqual(["dupont", "marie"]);
    expect(searchTokens("Hélène")).toEqual(["helene"]);
  });

  it("drops LIKE wildcards and escapes", () => {
    expect(searchTokens("50%_off\\")).toEqual(["50", "off"]);
    expect(searchTokens("%")).toEqual([]);
  });

  it("bounds the number and length of words", () => {
    expect(searchTokens("a b c d e f g h i j")).toHaveLength(6);
    expect(searchTokens("x".repeat(500))[0]).toHaveLength(64);
  });
});
