// Password rules in the spirit of NIST SP 800-63B: long enough, no composition rules, refused when
// easy to guess (zxcvbn-ts with French and common dictionaries) or built on the person's name or email.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as fr from "@zxcvbn-ts/language-fr";
import { meterScore } from "@/lib/access/password-meter";
import type { PasswordProblem } from "@/lib/errors";
import { foldText } from "@/lib/search/normalize";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn score (0–4) a password needs: 3 means "safely unguessable" against online attacks. */
export const PASSWORD_MIN_SCORE = 3;

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

type Person = { names: string[]; email: string | null };

/**
 * The pieces of a person's identity a password must not contain: each part of their names and of
 * their email's local part, 3 letters or more. The email's domain (orange, free, a school's) is not
 * theirs: it only lowers the strength score.
 */
export function personalWords(person: Person): string[] {
  const words = person.names.flatMap((name) => foldText(name).split(/[\s'-]+/));
  if (person.email) {
    const [local] = foldText(person.email).split("@");
    words.push(local, ...local.split(/[._+-]+/));
  }
  return [...new Set(words.filter((word) => word.length >= 3))];
}

function domainWords(email: string | null): string[] {
  const domain = email ? foldText(email).split("@")[1] : undefined;
  return domain ? domain.split(".").filter((word) => word.length >= 3) : [];
}

/**
 * Whether the password contains a personal word. A long one (4+ letters) counts anywhere; a 3-letter
 * one (Léo, Ana) only on its own, so that "léopard" or "banane" stay allowed.
 */
function containsPersonal(password: string, words: string[]): boolean {
  const normalized = foldText(password);
  const squeezed = normalized.replace(/\s+/g, "");
  return words.some((word) => {
    const letters = word.replace(/\s+/g, "");
    if (!letters) return false;
    if ([...letters].length >= 4) return squeezed.includes(letters);
    // Any alphabet (Ким, علي): a word of its own is one not touching another letter.
    const escaped = letters.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(^|\\P{L})${escaped}(\\P{L}|$)`, "u").test(normalized);
  });
}

/** Length in characters as a person counts them (an accented letter or an emoji is one). */
function length(password: string): number {
  return [...password].length;
}

/** What is wrong with a password (empty: acceptable), and its strength from 0 to 4 for the meter (a refused one is at most « Faible »). */
export function checkPassword(password: string, person: Person): { problems: PasswordProblem[]; score: number } {
  const problems: PasswordProblem[] = [];
  if (length(password) < PASSWORD_MIN_LENGTH) problems.push("too_short");
  if (length(password) > PASSWORD_MAX_LENGTH) problems.push("too_long");
  const words = personalWords(person);
  if (containsPersonal(password, words)) problems.push("contains_personal");
  const score = length(password) > PASSWORD_MAX_LENGTH ? 0 : zxcvbn().check(password, [...words, ...domainWords(person.email)]).score;
  if (score < PASSWORD_MIN_SCORE && !problems.includes("too_short")) problems.push("too_common");
  return { problems, score: meterScore(score, problems.length > 0) };
}
