// What a served page weighs: the scripts its HTML loads, the React Server Components payload inlined
// in it, and the next-intl messages inside that payload. Pure functions, used by bench:bundle.
import { gzipSync } from "node:zlib";

export const gzipSize = (text: string | Buffer) => gzipSync(text).length;

/**
 * The `/_next/static/…js` files a modern browser loads to show and hydrate a page: its <script src>
 * (not the `noModule` polyfills, which such a browser skips) and the chunks its payload imports.
 */
export function scriptsOfPage(html: string): string[] {
  const sources = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+\.js)"([^>]*)>/g)]
    .filter((match) => !/\snomodule/i.test(match[1] + match[3]))
    .map((match) => match[2]);
  const imported = [...payloadOfHtml(html).matchAll(/"(\/_next\/static\/chunks\/[^"]+\.js)"/g)].map((match) => match[1]);
  return [...new Set([...sources, ...imported].filter((src) => src.startsWith("/_next/static/")))];
}

/** The RSC payload the HTML carries, joined back from its `self.__next_f.push([1, "…"])` scripts. */
export function payloadOfHtml(html: string): string {
  return [...html.matchAll(/self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g)]
    .map((match) => JSON.parse(match[1]) as unknown[])
    .filter((row): row is [1, string] => row[0] === 1 && typeof row[1] === "string")
    .map((row) => row[1])
    .join("");
}

/** Each `"messages":{…}` object in a payload (what NextIntlClientProvider hands to the client), as text. */
export function messagesInPayload(payload: string): string[] {
  const found: string[] = [];
  for (let start = payload.indexOf('"messages":{'); start !== -1; start = payload.indexOf('"messages":{', start + 1)) {
    const open = start + '"messages":'.length;
    const end = matchingBrace(payload, open);
    if (end !== -1) found.push(payload.slice(open, end + 1));
  }
  return found;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let index = open; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{") depth += 1;
    else if (char === "}" && --depth === 0) return index;
  }
  return -1;
}

/** Bytes a piece of the payload takes once inlined in the HTML (as a JSON string literal). */
export const bytesInHtml = (payloadText: string) => Buffer.byteLength(JSON.stringify(payloadText)) - 2;

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

type SourceMap = { sources?: string[]; mappings?: string; sections?: { offset: { line: number; column: number }; map: SourceMap }[] };

/**
 * Which packages (node_modules/<name>) and app folders a minified file's bytes come from, by its source
 * map: each mapped segment counts from its column to the next segment's.
 */
export function originsOfChunk(code: string, map: SourceMap): Map<string, number> {
  const lines = code.split("\n");
  const bytes = new Map<string, number>();
  const visit = (part: SourceMap, lineOffset: number, columnOffset: number) => {
    if (part.sections) {
      for (const section of part.sections) visit(section.map, lineOffset + section.offset.line, section.offset.column);
      return;
    }
    let source = 0;
    (part.mappings ?? "").split(";").forEach((lineMappings, lineIndex) => {
      const line = lines[lineOffset + lineIndex] ?? "";
      const segments: [number, number | null][] = [];
      let column = lineIndex === 0 ? columnOffset : 0;
      for (const segment of lineMappings.split(",").filter(Boolean)) {
        const fields = decodeVlq(segment);
        column += fields[0];
        if (fields.length > 1) source += fields[1];
        segments.push([column, fields.length > 1 ? source : null]);
      }
      segments.forEach(([start, index], position) => {
        if (index === null) return;
        const end = position + 1 < segments.length ? segments[position + 1][0] : line.length;
        const origin = originOf(part.sources?.[index] ?? "?");
        bytes.set(origin, (bytes.get(origin) ?? 0) + Math.max(0, end - start));
      });
    });
  };
  visit(map, 0, 0);
  return bytes;
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * `…/node_modules/@radix-ui/react-dialog/dist/index.mjs` → `@radix-ui/react-dialog`; what Next.js
 * bundles in `next/dist/compiled/react-dom` → `next/react-dom`; `…/components/ui/x.tsx` → `components/ui`.
 */
export function originOf(source: string): string {
  const compiled = source.match(/node_modules\/next\/dist\/compiled\/((?:@[^/]+\/)?[^/]+)/);
  if (compiled) return `next/${compiled[1]}`;
  const inPackage = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)?.pop();
  if (inPackage) return inPackage.slice("node_modules/".length);
  const path = source.replace(/^.*\[project\]\//, "").replace(/^(turbopack|webpack):\/\/\/?/, "");
  const parts = path.split("/").filter((part) => part && part !== ".");
  return parts.length > 2 ? parts.slice(0, 2).join("/") : (parts[0] ?? source);
}
