// Client components only receive the messages of the <ClientMessages group> around them
// (i18n/client-messages.ts). This reads the sources the way the bundler does: from each group's
// components, through their imports, every client module's `t("…")` keys must be in the group —
// otherwise the page shows a key instead of French — and each namespace sent must be used.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import catalog from "@/messages/fr.json";
import { CLIENT_MESSAGES, pickMessages, type ClientMessagesGroup } from "@/i18n/client-messages";

const root = path.resolve(__dirname, "..", "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const NAMESPACES = Object.keys(catalog);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const file = `${dir}/${name}`;
    if (statSync(path.join(root, file)).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

const directive = (source: string) => source.match(/^\s*(?:\/\/[^\n]*\n\s*)*["']use (client|server)["']/)?.[1];

/** The project files a module imports (values only: `import type` brings no code), by path from the root. */
function importsOf(file: string): Map<string, string> {
  const found = new Map<string, string>(); // file → the import's text, to find which names it brings
  const source = read(file);
  for (const match of source.matchAll(
    /(?:import|export)\s+(?!type\s)([^;]*?)\s+from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
  )) {
    const target = resolve(file, match[2] ?? match[3]);
    if (target) found.set(target, match[1] ?? "");
  }
  return found;
}

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? specifier.slice(2)
    : specifier.startsWith(".")
      ? path.join(path.dirname(from), specifier)
      : null;
  if (base === null) return null;
  const candidate = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]
    .map((extension) => base + extension)
    .find((file) => existsSync(path.join(root, file)) && statSync(path.join(root, file)).isFile());
  return candidate ?? null;
}

/** `a.b.${x}` → "a.b"; `a.b${x}` (a key completed at run time) → "a". */
function staticPrefix(template: string): string {
  if (!template.includes("${")) return template;
  const head = template.split("${")[0];
  return head.endsWith(".") ? head.slice(0, -1) : head.split(".").slice(0, -1).join(".");
}

/**
 * The catalog paths a client module reads: `t("a.b")`; `t(\`a.${x}\`)` → "a"; `t(key)` → the translator's
 * whole namespace (the root translator's keys are found as strings, e.g. "relationship.mother").
 * A call belongs to the nearest translator of that name declared above it.
 */
function messagePathsOf(file: string): string[] {
  const source = read(file);
  const translators = [...source.matchAll(/const (\w+) = useTranslations\((?:\s*["']([^"']*)["'])?\s*\)/g)].map((match) => ({
    name: match[1],
    namespace: match[2] ?? "",
    at: match.index,
  }));
  const paths: string[] = [];
  let rest = source; // the source without the calls read above, for keys held in strings
  for (const name of new Set(translators.map((translator) => translator.name))) {
    for (const call of source.matchAll(new RegExp(`\\b${name}\\(\\s*(?:"([^"]*)"|\`([^\`]*)\`|([^)]*))`, "g"))) {
      const namespace = translators.filter((translator) => translator.name === name && translator.at < call.index).pop()?.namespace;
      if (namespace === undefined) continue;
      const [text, literal, template, other] = call;
      rest = rest.slice(0, call.index) + " ".repeat(text.length) + rest.slice(call.index + text.length);
      const within = (key: string) => [namespace, key].filter(Boolean).join(".");
      if (literal !== undefined) paths.push(within(literal));
      else if (template !== undefined) paths.push(within(staticPrefix(template)));
      else if (other !== undefined && namespace) paths.push(namespace);
    }
  }
  const keyInString = new RegExp(`["'\`]((?:${NAMESPACES.join("|")})\\.[\\w.]*?)\\.?(?:\\$\\{|["'\`])`, "g");
  for (const [, key] of rest.matchAll(keyInString)) paths.push(key.replace(/\.$/, ""));
  return paths.filter(Boolean);
}

const SERVER_FILES = [...sourceFiles("app"), ...sourceFiles("components")].filter((file) => !directive(read(file)));

/**
 * Each group's components: the JSX elements inside `<ClientMessages group="…">` in server files; for
 * a layout's `{children}`, the pages below it that do not choose their own group.
 */
function entriesByGroup(): Map<string, Set<string>> {
  const entries = new Map<string, Set<string>>([["root", new Set(["app/error.tsx"])]]);
  const layoutGroups = new Map<string, string>(); // folder → the group its layout gives its pages
  for (const file of SERVER_FILES) {
    const source = read(file);
    const imports = [...importsOf(file)];
    for (const [, group, inner] of source.matchAll(/<ClientMessages group="(\w+)"[^>]*>([\s\S]*?)<\/ClientMessages>/g)) {
      if (!entries.has(group)) entries.set(group, new Set());
      if (path.basename(file) === "layout.tsx" && inner.includes("{children}")) layoutGroups.set(path.dirname(file), group);
      for (const [, element] of inner.matchAll(/<([A-Z]\w*)/g)) {
        const imported = imports.find(([, names]) => new RegExp(`\\b${element}\\b`).test(names));
        if (imported) entries.get(group)!.add(imported[0]);
      }
    }
  }
  // A page without a group of its own gets the nearest layout's.
  for (const page of SERVER_FILES.filter((file) => path.basename(file) === "page.tsx" && !read(file).includes("<ClientMessages"))) {
    let folder = path.dirname(page);
    while (!layoutGroups.has(folder) && folder.includes("/")) folder = path.dirname(folder);
    const group = layoutGroups.get(folder);
    if (group) entries.get(group)!.add(page);
  }
  return entries;
}

const CLIENT_MESSAGES_BLOCK = /<ClientMessages group="\w+"[^>]*>[\s\S]*?<\/ClientMessages>/g;

/**
 * The imports a server module renders only inside a <ClientMessages group> of its own (StaffHeader's
 * account menu): they get that group's messages, found by entriesByGroup(), not those of the caller's.
 */
function wrappedImportsOf(file: string): Set<string> {
  const source = read(file);
  const inside = [...source.matchAll(CLIENT_MESSAGES_BLOCK)].map(([block]) => block).join("\n");
  if (!inside) return new Set();
  const outside = source.replace(CLIENT_MESSAGES_BLOCK, "").replace(/^import\s[^;]*;/gm, "");
  const wrapped = new Set<string>();
  for (const [target, text] of importsOf(file)) {
    const names = text.match(/\b[A-Za-z_]\w*\b/g) ?? [];
    const used = (where: string) => names.some((name) => new RegExp(`\\b${name}\\b`).test(where));
    if (used(inside) && !used(outside)) wrapped.add(target);
  }
  return wrapped;
}

/** From a group's components, the modules that run in the browser (a "use client" module and all it imports). */
function clientModulesOf(entries: Iterable<string>): Set<string> {
  const client = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const kind = directive(read(file));
    if (kind === "server") return; // a server action: the browser only gets a reference to it
    const isClient = inClient || kind === "client";
    const key = `${file}:${isClient}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (isClient) client.add(file);
    const wrapped = isClient ? new Set<string>() : wrappedImportsOf(file);
    for (const target of importsOf(file).keys()) if (!wrapped.has(target)) visit(target, isClient);
  };
  for (const entry of entries) visit(entry, false);
  return client;
}

const covers = (picked: readonly string[], used: string) => picked.some((path) => used === path || used.startsWith(`${path}.`));
const GROUPS = entriesByGroup();

describe("messages sent to client components", () => {
  it("finds every group's components in the pages", () => {
    expect([...GROUPS.keys()].sort()).toEqual(Object.keys(CLIENT_MESSAGES).sort());
    for (const entries of GROUPS.values()) expect(entries.size).toBeGreaterThan(0);
  });

  it.each(Object.keys(CLIENT_MESSAGES) as ClientMessagesGroup[])("%s: its client components find every key they use", (group) => {
    const missing = [...clientModulesOf(GROUPS.get(group) ?? [])].flatMap((file) =>
      messagePathsOf(file)
        .filter((used) => !covers(CLIENT_MESSAGES[group], used))
        .map((used) => `${file}: ${used}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(CLIENT_MESSAGES) as ClientMessagesGroup[])("%s: sends no namespace its components do not use", (group) => {
    const used = [...clientModulesOf(GROUPS.get(group) ?? [])].flatMap(messagePathsOf);
    const unused = CLIENT_MESSAGES[group].filter((picked) => !used.some((path) => covers([picked], path) || covers([path], picked)));
    expect(unused).toEqual([]);
  });

  it("reaches every client component that translates", () => {
    const reached = clientModulesOf([...GROUPS.values()].flatMap((entries) => [...entries]));
    const translating = [...sourceFiles("app"), ...sourceFiles("components")].filter(
      (file) => directive(read(file)) === "client" && /useTranslations\(/.test(read(file)),
    );
    expect(translating.filter((file) => !reached.has(file))).toEqual([]);
  });

  it("names only paths of the catalog", () => {
    for (const paths of Object.values(CLIENT_MESSAGES)) expect(() => pickMessages(catalog, paths)).not.toThrow();
  });
});

describe("pickMessages", () => {
  const messages = { a: { x: "1", y: { z: "2" } }, b: "3", c: { w: "4" } };

  it("keeps the named namespaces and keys, nested as in the catalog", () => {
    expect(pickMessages(messages, ["a.y.z", "b"])).toEqual({ a: { y: { z: "2" } }, b: "3" });
  });

  it("takes a namespace whole once named, without changing the catalog", () => {
    expect(pickMessages(messages, ["a.x", "a"])).toEqual({ a: messages.a });
    expect(messages).toEqual({ a: { x: "1", y: { z: "2" } }, b: "3", c: { w: "4" } });
  });

  it("refuses a path the catalog does not have", () => {
    expect(() => pickMessages(messages, ["a.nope"])).toThrow('No message or namespace "a.nope"');
  });
});
