/** @jest-environment node */
// Server-action calls the UI never sends, over raw sockets: bodies that are not what React encodes,
// calls from roles or sessions that may not make them, oversized bodies. None may get a server error,
// every answer carries the security headers, and nothing in the database changes.
import type { Browser } from "playwright-core";
import { launchBrowser } from "./support/browser";
import {
  actionIdsOfBuild,
  BOUNDARY,
  canaryStudentIds,
  cookieOf,
  databaseState,
  multipartBody,
  problemsOf,
  securityProblems,
  type Hostile,
} from "./support/hostile";
import { exchange, parseAnswers, send } from "./support/raw-http";

let browser: Browser;
let cookies: { secretariat: string; enseignant: string };
let actionIds: Record<string, string>;
let canaryIds: string[];
let before: unknown;

beforeAll(async () => {
  browser = await launchBrowser();
  cookies = { secretariat: await cookieOf(browser, "secretariat"), enseignant: await cookieOf(browser, "enseignant") };
  actionIds = actionIdsOfBuild();
  canaryIds = await canaryStudentIds();
  expect(canaryIds).toHaveLength(3);
  before = await databaseState(canaryIds);
});

afterAll(() => browser?.close());

describe("hostile action calls", () => {
  it("never answers an action body the UI does not send with a server error", async () => {
    const bodies: [string, string, string][] = [
      ["not JSON", "text/plain;charset=UTF-8", "hello"],
      ["empty", "text/plain;charset=UTF-8", ""],
      ["truncated JSON", "text/plain;charset=UTF-8", '[{"studentId":'],
      ["a chunk reference", "text/plain;charset=UTF-8", '["$1"]'],
      ["a Map reference", "text/plain;charset=UTF-8", '["$Q1"]'],
      ["a promise reference", "text/plain;charset=UTF-8", '["$@99"]'],
      ["a FormData reference", "text/plain;charset=UTF-8", '[{"studentId":"$K1"}]'],
      ["5,000 levels of nesting", "text/plain;charset=UTF-8", `${"[".repeat(5000)}${"]".repeat(5000)}`],
      ["urlencoded", "application/x-www-form-urlencoded", "studentId=abc"],
      ["JSON type", "application/json", '[{"studentId":"abc"}]'],
      ["multipart without boundary", "multipart/form-data", "garbage"],
      ["truncated multipart", "multipart/form-data; boundary=b", '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n[1]'],
      ["a number as arguments", "text/plain;charset=UTF-8", "1"],
      ["a malformed bigint", "text/plain;charset=UTF-8", '["$n1x"]'],
      ["multipart pointing to a missing part", `multipart/form-data; boundary=${BOUNDARY}`, multipartBody({ "0": '["$Q5"]' })],
      [
        "multipart nested 5,000 levels",
        `multipart/form-data; boundary=${BOUNDARY}`,
        multipartBody({ "0": `${"[".repeat(5000)}${"]".repeat(5000)}` }),
      ],
      ["multipart arguments not an array", `multipart/form-data; boundary=${BOUNDARY}`, multipartBody({ "0": "1" })],
      ["SQL in an id", "text/plain;charset=UTF-8", `[{"studentId":"x' OR '1'='1"}]`],
      ["an operator object as id", "text/plain;charset=UTF-8", '[{"studentId":{"not":null}}]'],
      [
        "prototype pollution",
        "text/plain;charset=UTF-8",
        '[{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},"studentId":"abc"}]',
      ],
      ["no argument", "text/plain;charset=UTF-8", "[]"],
      ["null argument", "text/plain;charset=UTF-8", "[null]"],
      ["a huge id", "text/plain;charset=UTF-8", JSON.stringify([{ studentId: "a".repeat(200_000) }])],
      [
        "an email carrying a header",
        "text/plain;charset=UTF-8",
        JSON.stringify([{ email: "a@evil.example\r\nBcc: x@evil.example", password: "x" }]),
      ],
      [
        "20,000 ids",
        "text/plain;charset=UTF-8",
        JSON.stringify([{ selection: { studentIds: Array.from({ length: 20_000 }, (_, index) => `id${index}`) } }]),
      ],
    ];
    const requests: Hostile[] = [];
    const actions = ["enableAccess", "changeEmail", "startBulkSend", "portalSignIn", "requestNewLink", "choosePassword"];
    for (const action of actions) {
      for (const [label, type, body] of bodies) {
        for (const [who, cookie] of [
          ["anonymous", ""],
          ["staff", cookies.secretariat],
        ] as const) {
          requests.push({
            label: `${who} ${action}: ${label}`,
            request: {
              method: "POST",
              path: "/etudiants",
              headers: { "Next-Action": actionIds[action], "Content-Type": type, ...(cookie ? { Cookie: cookie } : {}) },
              body,
            },
          });
        }
      }
    }
    requests.push({
      label: "unknown action",
      request: { method: "POST", path: "/etudiants", headers: { "Next-Action": "f".repeat(42), "Content-Type": "text/plain" }, body: "[]" },
    });
    requests.push({
      label: "no-JS form post with garbage",
      request: {
        method: "POST",
        path: "/espace-etudiant",
        headers: { "Content-Type": "multipart/form-data; boundary=b" },
        body: "--b\r\ngarbage",
      },
    });
    const problems = await problemsOf(requests);
    expect(problems).toEqual([]);
  });

  it("refuses what a role may not do, changing nothing: a read-only teacher, a forged or no session", async () => {
    const call = (action: string, cookie: string | null, argument: unknown) =>
      send({
        method: "POST",
        path: "/etudiants",
        headers: {
          "Next-Action": actionIds[action],
          "Content-Type": "text/plain;charset=UTF-8",
          Accept: "text/x-component",
          ...(cookie ? { Cookie: cookie } : {}),
        },
        body: JSON.stringify([argument]),
      });
    for (const studentId of canaryIds) {
      const teacher = await call("enableAccess", cookies.enseignant, { studentId });
      expect(teacher.status).toBe(200);
      expect(teacher.body).toMatch(/"error":"(forbidden|not_found)"/);
      const forged = await call("changeEmail", "next-auth.session-token=forged", { studentId, email: "pirate@evil.example" });
      expect(forged.body).toContain('"error":"unauthenticated"');
      // Without any session cookie the proxy sends the call to the sign-in page before it runs.
      const anonymous = await call("changeEmail", null, { studentId, email: "pirate@evil.example" });
      expect(anonymous.status).toBe(307);
    }
  });

  it("refuses a body over the limit with 413, and the connection still serves the next request", async () => {
    const oversized = Buffer.alloc(2 * 1024 * 1024, "a");
    for (const [label, type] of [
      ["action", "text/plain;charset=UTF-8"],
      ["multipart action", "multipart/form-data; boundary=b"],
    ]) {
      const head =
        `POST /espace-etudiant/connexion HTTP/1.1\r\nHost: localhost\r\nNext-Action: ${actionIds.portalSignIn}\r\n` +
        `Content-Type: ${type}\r\nContent-Length: ${oversized.length}\r\nConnection: keep-alive\r\n\r\n`;
      const next = "GET /connexion HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
      const answers = parseAnswers(await exchange([head, oversized, next], { pauseMs: 500 }));
      expect([label, answers.map((answer) => answer.status)]).toEqual([label, [413, 200]]);
      expect(securityProblems(answers[0])).toEqual([]);
    }
    const chunked = await send({
      method: "POST",
      path: "/etudiants",
      headers: { "Next-Action": actionIds.enableAccess, "Content-Type": "text/plain", "Transfer-Encoding": "chunked" },
      body: "2\r\n[]\r\n0\r\n\r\n",
    });
    expect(chunked.status).toBe(411);
  });

  it("changed nothing in the database", async () => {
    expect(await databaseState(canaryIds)).toEqual(before);
  });
});
