// Search and sort keys that behave the same on SQLite and PostgreSQL: lower case, no accents,
// ligatures spelled out, punctuation that separates names turned into spaces.

const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss" };
const MAX_TOKENS = 6;
const MAX_TOKEN_LENGTH = 64;
// LIKE wildcards and PostgreSQL's LIKE escape character: kept out of both the stored text and the
// query words, so `contains` never treats user input as a pattern.
const LIKE_SPECIALS = /[%_\\]/g;

export function normalizeText(value: string): string {
  return value
    .toLowerCase()
    .replace(/[œæß]/g, (letter) => LIGATURES[letter])
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

type SearchablePerson = {
  firstName: string;
  lastName: string;
  email?: string | null;
  studentNumber?: string;
};

/** The text a student is found by: names (hyphens also as spaces), email, student number. */
export function buildSearchText(person: SearchablePerson): string {
  const names = `${person.firstName} ${person.lastName}`;
  const separated = names.replace(/[-']/g, " ");
  return normalizeText(
    [names, separated === names ? "" : separated, person.email ?? "", person.studentNumber ?? ""]
      .join(" ")
      .replace(LIKE_SPECIALS, " "),
  );
}

/** Sort key: last name then first name, ignoring case and accents. */
export function buildSortKey(person: { firstName: string; lastName: string }): string {
  return normalizeText(`${person.lastName} ${person.firstName}`);
}

/**
 * The words of a query, each of which must appear in the search text ("dupont marie" finds
 * "Marie Dupont"). Bounded so that a pasted essay cannot become a costly query.
 */
export function searchTokens(query: string): string[] {
  const words = normalizeText(query.replace(LIKE_SPECIALS, " "))
    .split(" ")
    .filter(Boolean)
    .map((word) => word.slice(0, MAX_TOKEN_LENGTH));
  return [...new Set(words)].slice(0, MAX_TOKENS);
}
