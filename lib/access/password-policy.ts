// Password rules in the spirit of NIST SP 800-63B: long enough, no composition rules, refused when
// easy to guess (zxcvbn-ts with French and common dictionaries) or built on the person's name or email.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as fr from "@zxcvbn-ts/language-fr";
import { normalizeText } from "@/lib/search/normalize";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn score (0–4) a password needs: 3 means "safely unguessable" against online attacks. */
export const PASSWORD_MIN_SCORE = 3;

export type PasswordProblem = "too_short" | "too_long" | "too_common" | "contains_personal";

let factory: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    // Levenshtein matching costs up to a second per check on the server; dictionaries and l33t suffice.
    useLevenshteinDistance: false,
  });
  return factory;
}

/** The pieces of a person's identity a password must not contain (3 characters or more). */
export function personalWords(person: { names: string[]; email: string | null }): string[] {
  const words = person.names.flatMap((name) => normalizeText(name).split(/[\s'-]+/));
  if (person.email) {
    const [local, domain] = normalizeText(person.email).split("@");
    words.push(local, ...local.split(/[._+-]+/), ...(domain ? domain.split(".").slice(0, -1) : []));
  }
  return [...new Set(words.filter((word) => word.length >= 3))];
}

/** Length in characters as a person counts them (an accented letter or an emoji is one). */
function length(password: string): number {
  return [...password].length;
}

/** What is wrong with a password (empty: acceptable), and its strength from 0 to 4 for the meter. */
export function checkPassword(password: string, person: { names: string[]; email: string | null }): { problems: PasswordProblem[]; score: number } {
  const problems: PasswordProblem[] = [];
  if (length(password) < PASSWORD_MIN_LENGTH) problems.push("too_short");
  if (length(password) > PASSWORD_MAX_LENGTH) problems.push("too_long");
  const words = personalWords(person);
  const normalized = normalizeText(password).replace(/\s+/g, "");
  if (words.some((word) => normalized.includes(word.replace(/\s+/g, "")))) problems.push("contains_personal");
  const score = length(password) > PASSWORD_MAX_LENGTH ? 0 : zxcvbn().check(password, words).score;
  if (score < PASSWORD_MIN_SCORE && !problems.includes("too_short")) problems.push("too_common");
  return { problems, score: problems.length ? Math.min(score, 2) : score };
}
