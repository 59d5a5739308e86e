// The French and English catalogs must stay in step: same keys, every message valid ICU, and the same
// arguments of the same kind, so that a caller passing values for one language works in the other.
// Messages are parsed with @formatjs/icu-messageformat-parser, the parser next-intl's build-time
// compiler (icu-minify) and use-intl's runtime (intl-messageformat) both use.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

type Catalog = { [key: string]: unknown };
const CATALOGS = { fr, en } as const satisfies Record<string, Catalog>;
type Language = keyof typeof CATALOGS;

/**
 * French-only grammar arguments: `elision` (and `<x>Elision` when a message names several people) is
 * computed by lib/i18n/elision.ts so French can write « d'Hélène » but « de Marc »
 * (`{elision, select, elided {d''{name}} other {de {name}}}`). English has no elision, so its message
 * may use `{name}` directly and leave the select out; callers still pass the value, which ICU ignores.
 */
const isGrammarArgument = (name: string) => name === "elision" || name.endsWith("Elision");

/** "a.b.c" → message, for every string leaf; a leaf that is not a string is reported by its path. */
function flatten(catalog: Catalog, prefix = ""): Map<string, unknown> {
  const messages = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [nested, message] of flatten(value as Catalog, path)) messages.set(nested, message);
    } else messages.set(path, value);
  }
  return messages;
}

function styleOf(element: MessageFormatElement): string {
  if (!("style" in element) || !element.style) return "";
  const style = element.style;
  if (typeof style === "string") return `, ${style}`;
  if ("pattern" in style) return `, ::${style.pattern}`;
  return `, ::${style.tokens.map((token) => [token.stem, ...token.options].join("/")).join(" ")}`;
}

/** Each argument of a parsed message → the ways it is used ("argument", "number, percent", "plural", "select: a|b", "tag"…). */
function argumentsOf(elements: MessageFormatElement[], found = new Map<string, Set<string>>()): Map<string, Set<string>> {
  const record = (name: string, kind: string) => found.set(name, (found.get(name) ?? new Set()).add(kind));
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        record(element.value, "argument");
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        record(element.value, `${TYPE[element.type]}${styleOf(element)}`);
        break;
      case TYPE.select:
        // Which branches a select has is part of its contract: a missing one silently falls to `other`.
        record(element.value, `select: ${Object.keys(element.options).sort().join("|")}`);
        for (const option of Object.values(element.options)) argumentsOf(option.value, found);
        break;
      case TYPE.plural:
        record(element.value, element.pluralType === "ordinal" ? "selectordinal" : "plural");
        for (const option of Object.values(element.options)) argumentsOf(option.value, found);
        break;
      case TYPE.tag:
        record(element.value, "tag");
        argumentsOf(element.children, found);
        break;
    }
  }
  return found;
}

/** Cardinal plurals whose branches miss `one` or `other` (both languages have these two categories). */
function incompletePlurals(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((element): string[] => {
    if (element.type === TYPE.tag) return incompletePlurals(element.children);
    if (element.type !== TYPE.select && element.type !== TYPE.plural) return [];
    const nested = Object.values(element.options).flatMap((option) => incompletePlurals(option.value));
    if (element.type !== TYPE.plural || element.pluralType === "ordinal") return nested;
    const missing = ["one", "other"].filter((category) => !(category in element.options));
    return missing.length ? [`{${element.value}, plural} has no ${missing.join(" or ")} branch`, ...nested] : nested;
  });
}

const FLAT = { fr: flatten(CATALOGS.fr), en: flatten(CATALOGS.en) } satisfies Record<Language, Map<string, unknown>>;
const LANGUAGES = Object.keys(CATALOGS) as Language[];

/** Every message of `language` parsed, or the problem that kept it from being parsed. */
function parseCatalog(language: Language) {
  const parsed = new Map<string, MessageFormatElement[]>();
  const problems: string[] = [];
  for (const [path, message] of FLAT[language]) {
    if (typeof message !== "string") {
      problems.push(`${language}: ${path}: a ${Array.isArray(message) ? "list" : typeof message}, not a message`);
      continue;
    }
    try {
      parsed.set(path, parse(message));
    } catch (error) {
      problems.push(`${language}: ${path}: ${(error as Error).message} in ${JSON.stringify(message)}`);
    }
  }
  return { parsed, problems };
}

const PARSED = { fr: parseCatalog("fr"), en: parseCatalog("en") } satisfies Record<Language, ReturnType<typeof parseCatalog>>;

const describeUses = (uses: Map<string, Set<string>>) =>
  [...uses]
    .filter(([name]) => !isGrammarArgument(name))
    .map(([name, kinds]) => `{${name}}: ${[...kinds].sort().join(" + ")}`)
    .sort();

describe("message catalogs", () => {
  it("have the same keys in French and English", () => {
    const missing = LANGUAGES.flatMap((language) =>
      LANGUAGES.filter((other) => other !== language).flatMap((other) =>
        [...FLAT[other].keys()]
          .filter((path) => !FLAT[language].has(path))
          .map((path) => `${language}: ${path} is missing (it is in ${other})`),
      ),
    );
    expect(missing).toEqual([]);
    expect(FLAT.fr.size).toBeGreaterThan(0);
  });

  it.each(LANGUAGES)("%s: every message is valid ICU MessageFormat", (language) => {
    expect(PARSED[language].problems).toEqual([]);
  });

  it.each(LANGUAGES)("%s: every plural has a `one` and an `other` branch", (language) => {
    const problems = [...PARSED[language].parsed].flatMap(([path, elements]) =>
      incompletePlurals(elements).map((problem) => `${language}: ${path}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it("use the same arguments, of the same kinds, in French and English (French elision aside)", () => {
    const differences: string[] = [];
    for (const [path, frElements] of PARSED.fr.parsed) {
      const enElements = PARSED.en.parsed.get(path);
      if (!enElements) continue; // missing or unparsable: reported above
      const frUses = describeUses(argumentsOf(frElements));
      const enUses = describeUses(argumentsOf(enElements));
      const onlyFr = frUses.filter((use) => !enUses.includes(use));
      const onlyEn = enUses.filter((use) => !frUses.includes(use));
      if (onlyFr.length || onlyEn.length) {
        differences.push(`${path}: fr has ${onlyFr.join(", ") || "nothing more"}; en has ${onlyEn.join(", ") || "nothing more"}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it("reads arguments the way the checks above rely on", () => {
    const uses = (message: string) => describeUses(argumentsOf(parse(message)));
    // Elision is ignored; every other difference in arguments counts.
    expect(uses("Aperçu {elision, select, elided {d''{name}} other {de {name}}}")).toEqual(uses("Preview {name}"));
    expect(uses("Also parent {elision, select, elided {d''<names></names>} other {de <names></names>}}")).toEqual(
      uses("Also parent of <names></names>"),
    );
    expect(uses("{count, plural, one {# élève} other {# élèves}}")).not.toEqual(uses("{count} students"));
    expect(uses("{count, number} étudiants")).not.toEqual(uses("{count} students"));
    expect(uses("{state, select, a {A} other {B}}")).not.toEqual(uses("{state, select, other {B}}"));
    expect(uses("{name}'s profile")).toEqual(uses("{name}"));
    expect(uses("'{name}' profile")).not.toEqual(uses("{name}"));
    expect(incompletePlurals(parse("{count, plural, =0 {none} other {# people}}"))).toEqual(["{count, plural} has no one branch"]);
  });
});
