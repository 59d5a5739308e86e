// French elision before a name: « d'Hélène », « l'École » but « de Marc ». Pure: the messages choose the
// words through an ICU select on the value returned here, so the French stays in the catalog.

/** The value of a message's `elision` select argument: `elided` before a vowel or a mute h, else `other`. */
export type Elision = "elided" | "other";

/** Whether French elides « de » / « le » before `word`: its first letter, accents removed, is a vowel, y or h (aspirated h names are not told apart). */
export function elision(word: string | null | undefined): Elision {
  const first = (word ?? "")
    .trimStart()
    .charAt(0)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  return first && "aeiouyhœæ".includes(first) ? "elided" : "other";
}

/** A name with its elision, ready for a message such as `{elision, select, elided {d''{name}} other {de {name}}}`. */
export function elided<K extends string = "name">(value: string, key: K = "name" as K): Record<K, string> & { elision: Elision } {
  return { [key]: value, elision: elision(value) } as Record<K, string> & { elision: Elision };
}
