// bench:bundle's reading of a served page: which scripts it loads, its inlined RSC payload, the
// next-intl messages inside, and where a minified chunk's bytes come from.
import { bytesInHtml, messagesInPayload, originOf, originsOfChunk, payloadOfHtml, scriptsOfPage } from "@/scripts/lib/page-weight";

const push = (text: string) => `<script nonce="n">self.__next_f.push(${JSON.stringify([1, text])})</script>`;

describe("a served page", () => {
  const payload =
    '1:I[123,["/_next/static/chunks/lazy.js"],"List"]\n2:["$","$L1",null,{"locale":"fr","messages":{"a":{"b":"x}y \\" {"}},"timeZone":"Europe/Paris"}]\n';
  const html = [
    '<html><head><script src="/_next/static/chunks/main.js" async="" nonce="n"></script>',
    '<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="n"></script></head><body>',
    push(payload.slice(0, 40)),
    push(payload.slice(40)),
    "</body></html>",
  ].join("");

  it("loads its <script src> and the chunks its payload imports, not the noModule polyfills", () => {
    expect(scriptsOfPage(html)).toEqual(["/_next/static/chunks/main.js", "/_next/static/chunks/lazy.js"]);
  });

  it("joins the payload back from its pushes", () => {
    expect(payloadOfHtml(html)).toBe(payload);
  });

  it("finds each messages object, braces inside strings included", () => {
    expect(messagesInPayload(payloadOfHtml(html))).toEqual(['{"a":{"b":"x}y \\" {"}}']);
    expect(bytesInHtml('{"a":"é"}')).toBe(Buffer.byteLength(JSON.stringify('{"a":"é"}')) - 2);
  });
});

describe("a chunk's origins", () => {
  it("names a package, or the app's folder", () => {
    expect(originOf("turbopack:///[project]/node_modules/@radix-ui/react-dialog/dist/index.mjs")).toBe("@radix-ui/react-dialog");
    expect(originOf("turbopack:///[project]/node_modules/next/dist/compiled/react-dom/client.js")).toBe("next/react-dom");
    expect(originOf("turbopack:///[project]/node_modules/next/src/client/app-index.tsx")).toBe("next");
    expect(originOf("turbopack:///[project]/components/students/student-table.tsx")).toBe("components/students");
  });

  it("counts each mapped segment's bytes for its source, through index maps", () => {
    // Line 0: "aaaa" from source 0 then "bb" from source 1; the second section maps "ccc" to source 0 of its own map.
    const code = "aaaabb\nccc";
    const map = {
      sections: [
        { offset: { line: 0, column: 0 }, map: { sources: ["node_modules/left-pad/index.js", "lib/x.ts"], mappings: "AAAA,ICAA" } },
        { offset: { line: 1, column: 0 }, map: { sources: ["node_modules/left-pad/other.js"], mappings: "AAAA" } },
      ],
    };
    expect(Object.fromEntries(originsOfChunk(code, map))).toEqual({ "left-pad": 7, lib: 2 });
  });
});
