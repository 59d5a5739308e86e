// What the trigram index is asked for, per word of a search (lib/data/student-list-sql.ts).
import { indexTerm } from "@/lib/data/student-list-sql";

describe("indexTerm", () => {
  it("asks nothing for words too short for a trigram", () => {
    expect(indexTerm("le")).toBeNull();
    expect(indexTerm("a")).toBeNull();
  });

  it("asks for a word of up to 12 characters whole", () => {
    expect(indexTerm("dupont")).toBe("dupont");
    expect(indexTerm("jean-baptist")).toBe("jean-baptist");
  });

  it("asks for the first 12-character window of a long word with the most digits", () => {
    expect(indexTerm("jules.belanger.274912@eleves.sesame.test")).toBe("anger.274912");
    expect(indexTerm("E0123456789012345")).toBe("012345678901");
  });

  it("asks for the start of a long word without digits", () => {
    expect(indexTerm("anticonstitutionnellement")).toBe("anticonstitu");
  });
});
