// What a V8 heap snapshot holds, by constructor: object counts and self sizes, and what grew between
// two snapshots. Reads the file's sections directly (the whole JSON of a large heap can exceed the
// longest string V8 builds), so that a snapshot of a few hundred MB is summarised in seconds.
import { readFileSync } from "node:fs";

export type HeapGroup = { count: number; bytes: number };
export type HeapSummary = { totalBytes: number; groups: Map<string, HeapGroup> };

function numbersBetween(buffer: Buffer, start: number): { values: number[]; end: number } {
  const values: number[] = [];
  let current = -1;
  let index = start;
  for (; index < buffer.length; index++) {
    const byte = buffer[index];
    if (byte >= 48 && byte <= 57) current = (current < 0 ? 0 : current * 10) + (byte - 48);
    else {
      if (current >= 0) values.push(current);
      current = -1;
      if (byte === 93) break; // "]"
    }
  }
  return { values, end: index };
}

/** Counts and self sizes by constructor (objects), function name (closures) or kind (strings, arrays, code…). */
export function summarizeHeapSnapshot(file: string): HeapSummary {
  const buffer = readFileSync(file);
  const nodesAt = buffer.indexOf('"nodes":[');
  const head = buffer.subarray(0, nodesAt).toString("utf8").trim().replace(/,$/, "");
  const meta = (JSON.parse(`${head}}`) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } } }).snapshot.meta;
  const { values: nodes } = numbersBetween(buffer, nodesAt + '"nodes":['.length);
  const stringsAt = buffer.indexOf('"strings":[', nodesAt);
  const tail = buffer
    .subarray(stringsAt + '"strings":'.length)
    .toString("utf8")
    .trim()
    .replace(/}$/, "");
  const strings = JSON.parse(tail) as string[];

  const width = meta.node_fields.length;
  const [typeAt, nameAt, sizeAt] = ["type", "name", "self_size"].map((field) => meta.node_fields.indexOf(field));
  const types = meta.node_types[0];
  const groups = new Map<string, HeapGroup>();
  let totalBytes = 0;
  for (let offset = 0; offset < nodes.length; offset += width) {
    const type = types[nodes[offset + typeAt]];
    const name = strings[nodes[offset + nameAt]] ?? "?";
    const key =
      type === "object" || type === "native" ? name.slice(0, 80) : type === "closure" ? `closure ${name.slice(0, 60)}` : `(${type})`;
    const bytes = nodes[offset + sizeAt];
    const group = groups.get(key) ?? { count: 0, bytes: 0 };
    group.count += 1;
    group.bytes += bytes;
    groups.set(key, group);
    totalBytes += bytes;
  }
  return { totalBytes, groups };
}

export type HeapGrowth = { key: string; count: number; bytes: number; countAfter: number; bytesAfter: number };

/** The groups that grew the most in bytes between two snapshots. */
export function heapGrowth(before: HeapSummary, after: HeapSummary, top = 25): HeapGrowth[] {
  return [...after.groups.entries()]
    .map(([key, group]) => {
      const was = before.groups.get(key) ?? { count: 0, bytes: 0 };
      return { key, count: group.count - was.count, bytes: group.bytes - was.bytes, countAfter: group.count, bytesAfter: group.bytes };
    })
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top);
}

/** The largest groups of one snapshot. */
export function heapLargest(summary: HeapSummary, top = 25): { key: string; count: number; bytes: number }[] {
  return [...summary.groups.entries()]
    .map(([key, group]) => ({ key, ...group }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top);
}
