// Lists the imports that go against the layers of docs/decisions/009-layers.md, the database queries
// made outside lib/data, and the cycles between the layers' folders. Exits 1 when it finds any.
// `npx tsx scripts/check-layers.ts`; the lint rule checks the same edges file by file, this prints the picture.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const SCANNED = ["app", "components", "lib", "emails", "instrumentation.ts", "proxy.ts"];
const SKIPPED = new Set(["lib/generated"]);

/** The folder a file counts in: lib/<folder> for lib's subfolders, else its top folder or lib file. */
function unitOf(file: string): string {
  const parts = file.split("/");
  if (parts[0] === "lib") return parts.length > 2 ? `lib/${parts[1]}` : file;
  return parts[0].replace(/\.tsx?$/, "");
}

/**
 * Who may not import whom. lib/data may reach lib/mail only through its queue (the one function that
 * renders and queues an email); lib/mail and lib/db know nothing above them.
 */
const FORBIDDEN: { from: RegExp; to: RegExp; except?: RegExp; valuesOnly?: boolean; why: string }[] = [
  { from: /^lib\/mail\//, to: /^lib\/(data|jobs|actions)\//, why: "mail sits below data and jobs" },
  { from: /^lib\/data\//, to: /^lib\/mail\//, except: /^lib\/mail\/queue\.ts$/, why: "data reaches mail only through lib/mail/queue" },
  { from: /^lib\/data\//, to: /^lib\/(jobs|actions)\//, why: "data sits below jobs and actions" },
  { from: /^lib\/db(\/|\.ts)/, to: /^lib\/(data|mail|jobs|actions)\//, why: "db is the bottom layer" },
  { from: /^lib\/jobs\//, to: /^lib\/actions\//, why: "jobs sit below actions" },
  { from: /^lib\/actions\//, to: /^(app|components)\//, why: "actions sit below pages and components" },
  // A component may name the types of what an action returns, which lib/data defines.
  { from: /^components\//, to: /^(lib\/(db|data|mail|jobs)(\/|\.ts)|app\/)/, valuesOnly: true, why: "components call actions, never data" },
];

/** Where a database query may be written: the data layer, the db layer, and the outbox that lib/mail owns (decision 003). */
const QUERY_HOMES = /^lib\/(data|db)\/|^lib\/db\.ts$|^lib\/mail\/outbox(-claims)?\.ts$/;
/** The layers whose folders must not import each other in a circle. */
const LAYERS = new Set(["lib/actions", "lib/jobs", "lib/data", "lib/mail", "lib/db", "lib/db.ts"]);

function walk(entry: string, files: string[]) {
  const absolute = path.join(ROOT, entry);
  if (!existsSync(absolute) || SKIPPED.has(entry)) return;
  if (statSync(absolute).isDirectory()) {
    for (const name of readdirSync(absolute)) walk(`${entry}/${name}`, files);
  } else if (/\.(ts|tsx)$/.test(entry) && !entry.endsWith(".d.ts")) {
    files.push(entry);
  }
}

function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(path.join(ROOT, candidate)) && statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  }
  return null;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

const files: string[] = [];
for (const entry of SCANNED) walk(entry, files);

const broken: string[] = [];
const queries: string[] = [];
const unitEdges = new Map<string, Set<string>>();
for (const file of files) {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  for (const match of text.matchAll(IMPORT)) {
    const target = resolve(file, match[2] ?? match[3]);
    if (!target) continue;
    const rule = FORBIDDEN.find(
      (rule) => rule.from.test(file) && rule.to.test(target) && !rule.except?.test(target) && !(rule.valuesOnly && match[1]),
    );
    if (rule) broken.push(`${file} → ${target}${match[1] ? " (type)" : ""}: ${rule.why}`);
    const [from, to] = [unitOf(file), unitOf(target)];
    if (LAYERS.has(from) && LAYERS.has(to) && from !== to) {
      if (!unitEdges.has(from)) unitEdges.set(from, new Set());
      unitEdges.get(from)!.add(to);
    }
  }
  if (!QUERY_HOMES.test(file) && /\bgetDb\(\)/.test(text)) queries.push(file);
}

// Cycles between the layers' folders, by depth-first search.
const cycles = new Set<string>();
const visit = (unit: string, trail: string[]) => {
  for (const next of unitEdges.get(unit) ?? []) {
    const at = trail.indexOf(next);
    if (at >= 0) {
      const cycle = trail.slice(at);
      const start = cycle.indexOf([...cycle].sort()[0]);
      cycles.add([...cycle.slice(start), ...cycle.slice(0, start), cycle[start]].join(" → "));
    } else if (trail.length < 12) {
      visit(next, [...trail, next]);
    }
  }
};
for (const unit of unitEdges.keys()) visit(unit, [unit]);

const report = (title: string, lines: Iterable<string>) => {
  const list = [...lines];
  console.log(`${title}: ${list.length}`);
  for (const line of list) console.log(`  ${line}`);
};
report("Imports against the layers", broken);
report("Database queries outside lib/data", queries);
report("Cycles between layers", cycles);
if (broken.length || queries.length || cycles.size) process.exitCode = 1;
