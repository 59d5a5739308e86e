// Search and sort keys that behave the same on SQLite and PostgreSQL. Both sides — the stored text
// and the words typed — go through normalizeText, so they always agree: compatibility forms folded
// (full-width « Ｄｕｐｏｎｔ » is « dupont »), lower case, no accents, ligatures spelled out, and
// apostrophes and hyphens removed (« N'Diaye », « ndiaye » and « n diaye » all find « N'Diaye »).

/** Bump when the rules below change: stored texts are rebuilt at the next migration (lib/search/reindex.ts). */
export const SEARCH_TEXT_VERSION = 3;

const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss" };
/** Numbers in class names are compared padded to this many digits. */
const CLASS_NUMBER_DIGITS = 6;
const MAX_TOKENS = 6;
const MAX_TOKEN_LENGTH = 64;
// Apostrophes (typewriter, typographic, modifier letter, prime) and hyphens or dashes of every kind:
// names are spelled with or without them, so they count for nothing.
const JOINERS = /['’‘‛`´ʹʻʼʽˈ′\-‐‑‒–—―−﹣－]/g;
// LIKE wildcards and PostgreSQL's LIKE escape character: kept out of both the stored text and the
// query words, so `contains` never treats user input as a pattern.
const LIKE_SPECIALS = /[%_\\]/g;

/**
 * Case, accents and compatibility forms folded (« Ｈéｌèｎｅ » → « helene »), apostrophes made one,
 * other punctuation kept: for comparisons that care about word boundaries, like the password rules.
 */
export function foldText(value: string): string {
  return value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[œæß]/g, (letter) => LIGATURES[letter])
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .normalize("NFC")
    .replace(/[’‘‛`´ʼ]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** The search form of a text: folded, apostrophes and hyphens removed, LIKE wildcards turned into spaces. */
export function normalizeText(value: string): string {
  return foldText(value).replace(JOINERS, "").replace(LIKE_SPECIALS, " ").replace(/\s+/g, " ").trim();
}

type SearchablePerson = {
  firstName: string;
  lastName: string;
  email?: string | null;
  studentNumber?: string;
};

/** The text a person is found by: names, email and (for a student) student number. */
export function buildSearchText(person: SearchablePerson): string {
  return normalizeText([person.firstName, person.lastName, person.email ?? "", person.studentNumber ?? ""].join(" "));
}

/** What finds a student through their parents: each parent's search text, one after the other. */
export function buildGuardianSearchText(guardianTexts: string[]): string {
  return guardianTexts.filter(Boolean).join(" ");
}

/**
 * Sort key of a class: its name ignoring case and accents, numbers in numeric order (« 2nde 9 »
 * before « 2nde 10 »: each run of digits padded to the same length).
 */
export function buildClassSortKey(name: string): string {
  return normalizeText(name).replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, "").padStart(CLASS_NUMBER_DIGITS, "0"));
}

/** Sort key: last name then first name, ignoring case and accents. */
export function buildSortKey(person: { firstName: string; lastName: string }): string {
  return normalizeText(`${person.lastName} ${person.firstName}`);
}

/**
 * The words of a query, each of which must appear in the search text ("dupont marie" finds
 * "Marie Dupont"). Bounded so that a pasted essay cannot become a costly query. A query of only
 * wildcards or punctuation has no words: it lists everyone, like an empty search.
 */
export function searchTokens(query: string): string[] {
  const words = normalizeText(query)
    .split(" ")
    .filter(Boolean)
    .map((word) => word.slice(0, MAX_TOKEN_LENGTH));
  return [...new Set(words)].slice(0, MAX_TOKENS);
}
