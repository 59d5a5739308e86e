import { ACTION_BODY_LIMIT, isActionPost, isMalformedPath, refuseActionRequest } from "@/lib/request-guards";
// The encoder React's client uses for action arguments, as Next.js ships it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

/** The request the browser sends for an action called with `args`. */
async function encodedCall(args: unknown[]): Promise<Request> {
  const encoded = await encodeReply(args);
  if (typeof encoded === "string") return actionRequest(encoded);
  const draft = new Request("http://localhost/etudiants", { method: "POST", body: encoded });
  const body = Buffer.from(await draft.arrayBuffer());
  return new Request("http://localhost/etudiants", {
    method: "POST",
    body,
    headers: { "next-action": "abc", "content-type": draft.headers.get("content-type")!, "content-length": String(body.length) },
  });
}

function actionRequest(body: string, headers: Record<string, string> = {}) {
  const request = new Request("http://localhost/etudiants", {
    method: "POST",
    body,
    headers: {
      "next-action": "abc",
      "content-type": "text/plain;charset=UTF-8",
      "content-length": String(Buffer.byteLength(body)),
      ...headers,
    },
  });
  return request;
}

describe("isMalformedPath", () => {
  it.each(["/etudiants/%ZZ", "/etudiants/%ED%A0%80", "/activation/%", "/%E0%A4%A"])("refuses %s", (path) => {
    expect(isMalformedPath(path)).toBe(true);
  });
  it.each(["/etudiants/abc", "/etudiants?q=%C3%A9", "/activation/%C3%A9t%C3%A9", "/"])("accepts %s", (path) => {
    expect(isMalformedPath(path)).toBe(false);
  });
});

describe("isActionPost", () => {
  it("recognises action calls and form posts, not page loads", () => {
    expect(isActionPost("POST", new Headers({ "next-action": "x" }))).toBe(true);
    expect(isActionPost("POST", new Headers({ "content-type": "multipart/form-data; boundary=x" }))).toBe(true);
    expect(isActionPost("GET", new Headers({ "next-action": "x" }))).toBe(false);
    expect(isActionPost("POST", new Headers({ "content-type": "application/x-www-form-urlencoded" }))).toBe(false);
  });
});

describe("refuseActionRequest", () => {
  const shared = { a: 1 };
  const form = new FormData();
  form.set("email", "marie@exemple.fr");
  it.each([
    ["a person", [{ studentId: "abc", guardianId: "def" }]],
    ["a bulk selection", [{ selection: { studentIds: ["a", "b"], query: { query: "$dupont" } } }]],
    ["an object passed twice", [shared, shared]],
    ["special numbers, undefined, a date, bigints", [undefined, NaN, -0, Infinity, -Infinity, new Date(0), 12n, -5n]],
    ["a FormData (a form's action)", [form]],
    ["a Map and a Set", [new Map([[1, 2]]), new Set(["x"])]],
    ["nothing", []],
  ])("lets through what React's encoder writes for %s", async (_label, args) => {
    expect(await refuseActionRequest(await encodedCall(args))).toBeNull();
  });

  const multipart = (parts: Record<string, string>) => {
    const boundary = "----SesameBoundary7f3a9c";
    const body =
      Object.entries(parts)
        .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
        .join("") + `--${boundary}--\r\n`;
    return actionRequest(body, { "content-type": `multipart/form-data; boundary=${boundary}` });
  };

  it.each([
    ["a reference to a missing part", { "0": '["$1"]' }],
    ["a Map reference to a missing part", { "0": '["$Q5"]' }],
    ["5,000 levels of nesting in the arguments", { "0": `${"[".repeat(5000)}${"]".repeat(5000)}` }],
    ["5,000 levels of nesting in an outlined part", { "0": '["$1"]', "1": `${"[".repeat(5000)}${"]".repeat(5000)}` }],
    ["arguments that are not an array", { "0": '{"a":1}' }],
    ["no arguments part", { "1": "[1]" }],
    ["arguments that are not JSON", { "0": "[" }],
  ])("refuses a multipart body with %s", async (_label, parts) => {
    expect(await refuseActionRequest(multipart(parts))).toEqual({ status: 400 });
  });

  it.each([
    ['[{"studentId":"abc"}]'],
    ['[{"studentId":"abc","copyToStaff":true}]'],
    ['[{"selection":{"studentIds":["a","b"]},"query":"$$dollar"}]'],
    ['["$undefined", "$D2026-11-27T00:00:00.000Z", "$n12", "$NaN", "$-0", "$T"]'],
    ["[]"],
  ])("lets Next.js run what the app's client sends: %s", async (body) => {
    expect(await refuseActionRequest(actionRequest(body))).toBeNull();
  });

  it.each([
    ["not JSON", "hello"],
    ["empty", ""],
    ["truncated JSON", "[{"],
    ["a chunk reference", '["$1"]'],
    ["a Map reference", '["$Q1"]'],
    ["a promise reference", '["$@99"]'],
    ["a FormData reference", '[{"a":"$K1"}]'],
    ["a server reference", '["$h1"]'],
    ["a malformed bigint", '["$n1x"]'],
    ["a number instead of the arguments", "1"],
    ["a string instead of the arguments", '"x"'],
    ["true instead of the arguments", "true"],
    ["5,000 levels of nesting", `${"[".repeat(5000)}${"]".repeat(5000)}`],
  ])("refuses %s with 400", async (_label, body) => {
    expect(await refuseActionRequest(actionRequest(body))).toEqual({ status: 400 });
  });

  it("refuses a body type the client never sends", async () => {
    expect(await refuseActionRequest(actionRequest("a=1", { "content-type": "application/x-www-form-urlencoded" }))).toEqual({
      status: 400,
    });
    expect(await refuseActionRequest(actionRequest("[1]", { "content-type": "application/json" }))).toEqual({ status: 400 });
  });

  it("refuses a multipart body that does not parse, and lets a sound one through", async () => {
    const broken = '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n[1]';
    expect(await refuseActionRequest(actionRequest(broken, { "content-type": "multipart/form-data; boundary=b" }))).toEqual({
      status: 400,
    });
    expect(await refuseActionRequest(actionRequest("x", { "content-type": "multipart/form-data" }))).toEqual({ status: 400 });
    const sound = '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n[1]\r\n--b--\r\n';
    expect(await refuseActionRequest(actionRequest(sound, { "content-type": "multipart/form-data; boundary=b" }))).toBeNull();
  });

  it("refuses an oversized or unmeasured body before reading it", async () => {
    const read = jest.fn();
    const headers = (length?: string) =>
      new Headers({ "next-action": "abc", "content-type": "text/plain", ...(length === undefined ? {} : { "content-length": length }) });
    expect(await refuseActionRequest({ headers: headers(String(ACTION_BODY_LIMIT + 1)), text: read, formData: read })).toEqual({
      status: 413,
    });
    expect(await refuseActionRequest({ headers: headers(), text: read, formData: read })).toEqual({ status: 411 });
    expect(await refuseActionRequest({ headers: headers("-1"), text: read, formData: read })).toEqual({ status: 411 });
    expect(read).not.toHaveBeenCalled();
  });
});
