import { buildClassSortKey, buildSearchText, buildSortKey, normalizeText, searchTokens } from "@/lib/search/normalize";

describe("normalizeText", () => {
  it.each([
    ["Hélène", "helene"],
    ["  ÉLOÏSE   Lefèvre ", "eloise lefevre"],
    ["Cœur", "coeur"],
    ["Lætitia", "laetitia"],
    ["FRANÇOIS", "francois"],
    ["N'Diaye", "ndiaye"],
    ["N’Diaye", "ndiaye"],
    ["Nʼdiaye", "ndiaye"],
    ["Jean-Baptiste", "jeanbaptiste"],
    ["Jean‑Baptiste", "jeanbaptiste"],
    ["Ｄｕｐｏｎｔ", "dupont"],
    ["ＨＥＲＶＥ", "herve"],
    ["Ｈéｌèｎｅ", "helene"],
    ["ﬁlippi", "filippi"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe("buildSearchText", () => {
  it("holds names, email and student number, without apostrophes, hyphens or LIKE wildcards", () => {
    expect(buildSearchText({ firstName: "Jean-Baptiste", lastName: "N'Diaye", email: "jb_n%d@exemple.fr", studentNumber: "E000042" })).toBe(
      "jeanbaptiste ndiaye jb n d@exemple.fr e000042",
    );
  });

  it("skips missing parts", () => {
    expect(buildSearchText({ firstName: "Zoé", lastName: "Roux", email: null })).toBe("zoe roux");
  });

  it.each(["n'diaye", "ndiaye", "n diaye", "N’DIAYE", "Ｎ'Ｄｉａｙｅ", "jean baptiste", "jean-baptiste", "jeanbaptiste"])(
    "finds N'Diaye with « %s » (every word is in the stored text)",
    (query) => {
      const stored = buildSearchText({ firstName: "Jean-Baptiste", lastName: "N'Diaye" });
      const words = searchTokens(query);
      expect(words.length).toBeGreaterThan(0);
      for (const word of words) expect(stored).toContain(word);
    },
  );
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

describe("buildClassSortKey", () => {
  it("orders class names ignoring accents and case, numbers by their value", () => {
    const names = ["Terminale B", "2nde 10", "BTS CI A", "2nde 9", "1ère A", "terminale a", "2nde 09b", "École 3"];
    const sorted = [...names].sort((a, b) => (buildClassSortKey(a) < buildClassSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(["1ère A", "2nde 9", "2nde 09b", "2nde 10", "BTS CI A", "École 3", "terminale a", "Terminale B"]);
  });
});

describe("searchTokens", () => {
  it("splits a query into normalised, distinct words", () => {
    expect(searchTokens("  Dupont   MARIE dupont ")).toEqual(["dupont", "marie"]);
    expect(searchTokens("Hélène")).toEqual(["helene"]);
  });

  it("drops LIKE wildcards and escapes", () => {
    expect(searchTokens("50%_off\\")).toEqual(["50", "off"]);
  });

  it.each(["%", "_", "\\", "%_\\", " - ' "])("has no words for « %s », so it lists everyone like an empty search", (query) => {
    expect(searchTokens(query)).toEqual([]);
  });

  it("bounds the number and length of words", () => {
    expect(searchTokens("a b c d e f g h i j")).toHaveLength(6);
    expect(searchTokens("x".repeat(500))[0]).toHaveLength(64);
  });
});
