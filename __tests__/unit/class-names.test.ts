// cn() joins classes without tailwind-merge, so a later class no longer replaces an earlier one of
// the same property: which one wins would be the stylesheet's order, not the caller's. This reads
// the app's sources and fails wherever tailwind-merge would have dropped a class, i.e. where the
// two joins differ: a className given to a component that has a conflicting class of its own, or
// two arguments of one cn() call that conflict.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { twMerge } from "tailwind-merge";

const root = path.resolve(__dirname, "..", "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

function tsxFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const file = `${dir}/${name}`;
    if (statSync(path.join(root, file)).isDirectory()) return tsxFiles(file);
    return name.endsWith(".tsx") ? [file] : [];
  });
}

const FILES = [...tsxFiles("app"), ...tsxFiles("components")];
const tokens = (text: string) => [...text.matchAll(/"([^"]*)"/g)].flatMap((match) => match[1].split(/\s+/)).filter(Boolean);

/** Pairs where tailwind-merge keeps only the second class. */
function conflicts(own: string[], added: string[]): string[] {
  return own.flatMap((first) =>
    added
      .filter((second) => second !== first && !twMerge(`${first} ${second}`).split(" ").includes(first))
      .map((second) => `"${first}" vs "${second}"`),
  );
}

/** The top-level arguments of the call whose "(" is at `open`. */
function argumentsAt(source: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let index = open; index < source.length; index += 1) {
    const char = source[index];
    if (char === '"' || char === "'" || char === "`") index = source.indexOf(char, index + 1);
    else if ("([{".includes(char)) depth += 1;
    else if (")]}".includes(char)) {
      depth -= 1;
      if (depth === 0) return [...args, source.slice(start, index)];
    } else if (char === "," && depth === 1) {
      args.push(source.slice(start, index));
      start = index + 1;
    }
  }
  return args;
}

function moduleOf(file: string, name: string): string | null {
  const specifier = read(file).match(new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*"([^"]+)"`))?.[1];
  if (!specifier) return null;
  const base = specifier.startsWith("@/")
    ? specifier.slice(2)
    : specifier.startsWith(".")
      ? path.join(path.dirname(file), specifier)
      : null;
  return base && FILES.includes(`${base}.tsx`) ? `${base}.tsx` : null;
}

/** The classes of a component that passes its className through cn() (not a bare Radix re-export): its module's strings. */
function ownClasses(module: string | null, name: string): string[] {
  if (!module) return [];
  const source = read(module);
  const start = source.search(new RegExp(`function ${name}\\(`));
  if (start === -1 || !source.slice(start).includes("cn(")) return [];
  return tokens(source);
}

describe("class names without tailwind-merge", () => {
  it("gives no component a className that conflicts with its own classes", () => {
    const found: string[] = [];
    for (const file of FILES) {
      for (const [, name, className] of read(file).matchAll(/<([A-Z]\w*)\b(?:[^>{]|\{[^}]*\})*?\sclassName="([^"]*)"/g)) {
        const own = ownClasses(moduleOf(file, name), name);
        for (const conflict of conflicts(own, className.split(/\s+/))) found.push(`${file}: <${name}> ${conflict}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("joins no conflicting classes in one cn() call (a ternary's branches are alternatives)", () => {
    const found: string[] = [];
    for (const file of FILES) {
      const source = read(file);
      for (const call of source.matchAll(/\bcn\(/g)) {
        const args = argumentsAt(source, call.index + 2).map(tokens);
        args.forEach((own, index) =>
          args.slice(index + 1).forEach((added) => found.push(...conflicts(own, added).map((pair) => `${file}: ${pair}`))),
        );
      }
    }
    expect(found).toEqual([]);
  });

  it("would catch a conflict", () => {
    expect(conflicts(["w-full", "px-3"], ["w-20", "pr-11"])).toEqual(['"w-full" vs "w-20"']);
  });
});
