import { ACTION_BODY_LIMIT, isActionPost, isMalformedPath, refuseActionRequest } from "@/lib/request-guards";

function actionRequest(body: string, headers: Record<string, string> = {}) {
  const request = new Request("http://localhost/etudiants", {
    method: "POST",
    body,
    headers: { "next-action": "abc", "content-type": "text/plain;charset=UTF-8", "content-length": String(Buffer.byteLength(body)), ...headers },
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
    ["5,000 levels of nesting", `${"[".repeat(5000)}${"]".repeat(5000)}`],
  ])("refuses %s with 400", async (_label, body) => {
    expect(await refuseActionRequest(actionRequest(body))).toEqual({ status: 400 });
  });

  it("refuses a body type the client never sends", async () => {
    expect(await refuseActionRequest(actionRequest("a=1", { "content-type": "application/x-www-form-urlencoded" }))).toEqual({ status: 400 });
    expect(await refuseActionRequest(actionRequest('[1]', { "content-type": "application/json" }))).toEqual({ status: 400 });
  });

  it("refuses a multipart body that does not parse, and lets a sound one through", async () => {
    const broken = "--b\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[1]";
    expect(await refuseActionRequest(actionRequest(broken, { "content-type": "multipart/form-data; boundary=b" }))).toEqual({ status: 400 });
    expect(await refuseActionRequest(actionRequest("x", { "content-type": "multipart/form-data" }))).toEqual({ status: 400 });
    const sound = '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n[1]\r\n--b--\r\n';
    expect(await refuseActionRequest(actionRequest(sound, { "content-type": "multipart/form-data; boundary=b" }))).toBeNull();
  });

  it("refuses an oversized or unmeasured body before reading it", async () => {
    const read = jest.fn();
    const headers = (length?: string) =>
      new Headers({ "next-action": "abc", "content-type": "text/plain", ...(length === undefined ? {} : { "content-length": length }) });
    expect(await refuseActionRequest({ headers: headers(String(ACTION_BODY_LIMIT + 1)), text: read, formData: read })).toEqual({ status: 413 });
    expect(await refuseActionRequest({ headers: headers(), text: read, formData: read })).toEqual({ status: 411 });
    expect(await refuseActionRequest({ headers: headers("-1"), text: read, formData: read })).toEqual({ status: 411 });
    expect(read).not.toHaveBeenCalled();
  });
});
