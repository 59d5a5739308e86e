/** @jest-environment node */
// Hostile and careless requests against the built app, over raw sockets: bad encodings, forged
// headers and cookies, action bodies the UI never sends, oversized bodies. None may get a server
// error, every answer carries the security headers, and nothing in the database changes.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { createDatabaseClient } from "@/lib/db/client";
import { launchBrowser, signedInPage, type DemoRole } from "./support/browser";
import { exchange, parseAnswers, send, type RawAnswer, type RawRequest } from "./support/raw-http";

let browser: Browser;
const cookies: Partial<Record<DemoRole, string>> = {};
let actionIds: Record<string, string>;
let canaryIds: string[];
let before: unknown;

/** What a refused or malformed call could change: the canary students' access and everyone's accounts. */
async function databaseState() {
  const db = createDatabaseClient(process.env.E2E_DATABASE_URL!);
  try {
    return {
      canaries: await db.student.findMany({
        where: { id: { in: canaryIds } },
        orderBy: { id: "asc" },
        select: { id: true, email: true, searchText: true, access: { include: { events: true, links: true } } },
      }),
      students: await db.student.count(),
      guardians: await db.guardian.count(),
      staff: await db.staffUser.findMany({ orderBy: { id: "asc" }, select: { id: true, email: true, active: true, roleId: true } }),
      roleRights: await db.roleRight.count(),
      hostileMail: await db.outboxMessage.count({ where: { OR: [{ toAddress: { contains: "evil" } }, { toAddress: { contains: "\n" } }] } }),
    };
  } finally {
    await db.$disconnect();
  }
}

async function signInAs(role: DemoRole): Promise<string> {
  const { context } = await signedInPage(browser, role);
  const jar = await context.cookies();
  await context.close();
  return jar.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

beforeAll(async () => {
  browser = await launchBrowser();
  cookies.secretariat = await signInAs("secretariat");
  cookies.enseignant = await signInAs("enseignant");
  const manifest = JSON.parse(readFileSync(path.join(process.env.E2E_DIST_DIR ?? ".next-e2e", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  actionIds = Object.fromEntries(Object.entries(manifest.node).map(([id, action]) => [action.exportedName, id]));
  // Past-year students: no other test touches them.
  const db = createDatabaseClient(process.env.E2E_DATABASE_URL!);
  try {
    const canaries = await db.student.findMany({ where: { schoolYear: { label: "2025-2026" }, hasEmail: true }, take: 3, orderBy: { id: "asc" } });
    canaryIds = canaries.map((student) => student.id);
  } finally {
    await db.$disconnect();
  }
  expect(canaryIds).toHaveLength(3);
  before = await databaseState();
});

afterAll(() => browser?.close());

type Hostile = { label: string; request: RawRequest };

const BOUNDARY = "----SesameHostileBoundary4b1e";
function multipartBody(parts: Record<string, string>): string {
  const fields = Object.entries(parts).map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return `${fields.join("")}--${BOUNDARY}--\r\n`;
}

// Next.js answers "/etudiants/" and "//x" with its own 308 to the clean path, before any header of
// the app applies; such an answer has no content to protect, and its Location is checked apart.
const isNextSlashRedirect = (answer: RawAnswer) => answer.status === 308 && (answer.headers["location"] ?? "").startsWith("/");

function securityProblems(answer: RawAnswer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  if (isNextSlashRedirect(answer)) return problems;
  if (answer.headers["x-content-type-options"] !== "nosniff") problems.push("no nosniff");
  if (answer.headers["x-frame-options"] !== "DENY") problems.push("no X-Frame-Options");
  if ((answer.headers["content-type"] ?? "").includes("text/html")) {
    const policy = answer.headers["content-security-policy"] ?? "";
    if (!policy.includes("frame-ancestors 'none'") || !/script-src [^;]*'nonce-/.test(policy)) problems.push("no CSP with a nonce");
  }
  if (/\n\s+at .+:\d+:\d+/.test(answer.body)) problems.push("stack trace in the body");
  return problems;
}

/** Sends each request and lists those answered with a server error or without the headers. */
async function problemsOf(requests: Hostile[]): Promise<string[]> {
  const problems: string[] = [];
  for (const { label, request } of requests) {
    const answer = await send(request);
    const found = securityProblems(answer);
    if (found.length) problems.push(`${label} → ${answer.status}: ${found.join(", ")}`);
  }
  return problems;
}

const MALFORMED_PATHS = [
  "/etudiants/%ZZ",
  "/etudiants/%ED%A0%80",
  "/etudiants/%",
  "/etudiants/%C0%AF",
  "/etudiants/%FF%FE",
  "/etudiants/%ZZ/espace-etudiant",
  "/etudiants/envois/%ZZ",
  "/etudiants/envois/%ZZ/rapport",
  "/activation/%ZZ",
  "/activation/%ED%A0%80",
  "/espace-etudiant/%ZZ",
  "/api/auth/%ZZ",
  "/%ZZ",
  "/connexion%ZZ",
  "/etudiants/%00",
  "/etudiants/..%2F..%2F..%2Fetc%2Fpasswd",
  "/etudiants/%2e%2e/%2e%2e/api/auth/session",
  "/etudiants/a%0D%0ASet-Cookie:%20x=1",
  `/etudiants/${"a".repeat(4000)}`,
  "/etudiants?page=-1&taille=999999&ecole[]=x",
  "/etudiants?page=1e309&q=%ZZ",
  "/etudiants?q=%3Cscript%3Ealert(1)%3C/script%3E",
  "/etudiants?acces=%00&email=%ED%A0%80",
  "/_next/static/%ZZ",
  "/_next/static/../../../etc/passwd",
  "/icon.svg%ZZ",
  "/demo-photos/inconnue.svg",
  "/demo-photos/%ZZ",
  "/_next/static/chunks/inconnu.js",
];

describe("hostile requests", () => {
  it("answers malformed addresses with the French 404 page, not a server error", async () => {
    for (const cookie of [undefined, cookies.secretariat]) {
      for (const target of ["/etudiants/%ZZ", "/etudiants/%ED%A0%80", "/activation/%ZZ"]) {
        const answer = await send({ path: target, headers: cookie ? { Cookie: cookie } : {} });
        expect([target, answer.status]).toEqual([target, 404]);
        expect(answer.body).toContain("Page introuvable");
        expect(securityProblems(answer)).toEqual([]);
      }
    }
  });

  it("sends a GET of next-auth's credentials callback to the sign-in page", async () => {
    for (const cookie of [undefined, cookies.secretariat]) {
      const answer = await send({ path: "/api/auth/callback/credentials", headers: cookie ? { Cookie: cookie } : {} });
      expect([answer.status, answer.headers["location"]]).toEqual([303, "/connexion"]);
      expect(securityProblems(answer)).toEqual([]);
    }
  });

  it("never answers a malformed address, header or cookie with a server error, and always with the security headers", async () => {
    const sessions: [string, Record<string, string>][] = [
      ["anonymous", {}],
      ["staff", { Cookie: cookies.secretariat! }],
    ];
    const requests: Hostile[] = [];
    for (const [who, headers] of sessions) {
      for (const target of MALFORMED_PATHS) requests.push({ label: `${who} GET ${target.slice(0, 60)}`, request: { path: target, headers } });
    }
    const forgedJwt = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA";
    const headerAttacks: [string, Record<string, string>][] = [
      ["forged staff cookie", { Cookie: "next-auth.session-token=forged" }],
      ["forged staff JWT", { Cookie: `next-auth.session-token=${forgedJwt}` }],
      ["forged portal cookie", { Cookie: "sesame-portal=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0." }],
      ["8 kB cookie", { Cookie: `x=${"a".repeat(8000)}` }],
      ["another Host", { Host: "evil.example" }],
      ["X-Forwarded-Host", { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "javascript" }],
      ["X-Forwarded-For garbage", { "X-Forwarded-For": "%ZZ, ::ffff:999.1.1.1, <script>" }],
      ["RSC with a broken router state", { RSC: "1", "Next-Router-State-Tree": "%ZZ" }],
      ["RSC with a JSON router state", { RSC: "1", "Next-Router-State-Tree": encodeURIComponent('["",{"children":[1,2,3]}]') }],
      ["prefetch with a broken segment", { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "/%ZZ" }],
      ["Next-Action on a GET", { "Next-Action": "0".repeat(42) }],
      ["Accept-Language garbage", { Accept: "*/*;q=abc", "Accept-Language": "x".repeat(2000) }],
      ["Range garbage", { Range: "bytes=999999999999-1" }],
    ];
    for (const target of ["/etudiants", "/connexion", "/espace-etudiant", "/activation/abc", "/icon.svg", "/api/auth/session"]) {
      for (const [label, headers] of headerAttacks) requests.push({ label: `${label} on ${target}`, request: { path: target, headers } });
    }
    for (const target of [
      "/api/auth/callback/credentials",
      "/api/auth/callback/inconnu",
      "/api/auth/signin/credentials",
      "/api/auth/session",
      "/api/auth/signout",
      "/api/auth/%2e%2e",
      "/connexion?retour=%2F%0D%0ASet-Cookie%3Ax%3D1",
      "/connexion?retour=%2F%09%2Fevil.example",
    ]) {
      requests.push({ label: `staff GET ${target}`, request: { path: target, headers: { Cookie: cookies.secretariat! } } });
    }
    const problems = await problemsOf(requests);
    expect(requests.length).toBeGreaterThanOrEqual(100);
    expect(problems).toEqual([]);
  });

  it("redirects only within Sésame, whatever the Host header or the slashes", async () => {
    const cases: [string, Record<string, string>][] = [
      ["/etudiants", { Host: "evil.example" }],
      ["/etudiants/", {}],
      ["//evil.example/", {}],
      ["/\\evil.example/", {}],
      ["/%2F%2Fevil.example/", {}],
      ["/etudiants//", { Host: "evil.example", "X-Forwarded-Host": "evil.example" }],
    ];
    for (const [target, headers] of cases) {
      const answer = await send({ path: target, headers });
      expect([target, answer.status]).toEqual([target, expect.any(Number)]);
      expect(answer.status).toBeLessThan(500);
      const location = answer.headers["location"];
      if (location) {
        expect([target, location]).toEqual([target, expect.stringMatching(/^\/(?![/\\])/)]);
        expect(new URL(location, "https://sesame.example.org").origin).toBe("https://sesame.example.org");
      }
      expect(securityProblems(answer)).toEqual([]);
    }
  });

  it("leaves requests Node's HTTP parser refuses to Node: a plain 400 that closes the connection", async () => {
    for (const head of [
      "GET /etudiants HTTP/1.1\r\nHost: localhost\r\nAccept: \u0001\u0002\r\n\r\n",
      "GET /etudiants HTTP/1.1\r\nHost: localhost\r\nX: a\rb\r\n\r\n",
      "GET /etudiants\u0000 HTTP/1.1\r\nHost: localhost\r\n\r\n",
      "GET /etudiants HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
    ]) {
      const [answer] = parseAnswers(await exchange([Buffer.from(head, "latin1")]));
      expect(answer.status).toBe(400);
      expect(answer.headers["connection"]).toBe("close");
    }
  });

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
      ["multipart nested 5,000 levels", `multipart/form-data; boundary=${BOUNDARY}`, multipartBody({ "0": `${"[".repeat(5000)}${"]".repeat(5000)}` })],
      ["multipart arguments not an array", `multipart/form-data; boundary=${BOUNDARY}`, multipartBody({ "0": "1" })],
      ["SQL in an id", "text/plain;charset=UTF-8", `[{"studentId":"x' OR '1'='1"}]`],
      ["an operator object as id", "text/plain;charset=UTF-8", '[{"studentId":{"not":null}}]'],
      ["prototype pollution", "text/plain;charset=UTF-8", '[{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},"studentId":"abc"}]'],
      ["no argument", "text/plain;charset=UTF-8", "[]"],
      ["null argument", "text/plain;charset=UTF-8", "[null]"],
      ["a huge id", "text/plain;charset=UTF-8", JSON.stringify([{ studentId: "a".repeat(200_000) }])],
      ["an email carrying a header", "text/plain;charset=UTF-8", JSON.stringify([{ email: "a@evil.example\r\nBcc: x@evil.example", password: "x" }])],
      ["20,000 ids", "text/plain;charset=UTF-8", JSON.stringify([{ selection: { studentIds: Array.from({ length: 20_000 }, (_, index) => `id${index}`) } }])],
    ];
    const requests: Hostile[] = [];
    const actions = ["enablePortalAccess", "changePersonEmail", "startBulkResend", "portalSignIn", "requestNewLink", "submitNewPassword"];
    for (const action of actions) {
      for (const [label, type, body] of bodies) {
        for (const [who, cookie] of [["anonymous", ""], ["staff", cookies.secretariat!]] as const) {
          requests.push({
            label: `${who} ${action}: ${label}`,
            request: { method: "POST", path: "/etudiants", headers: { "Next-Action": actionIds[action], "Content-Type": type, ...(cookie ? { Cookie: cookie } : {}) }, body },
          });
        }
      }
    }
    requests.push({ label: "unknown action", request: { method: "POST", path: "/etudiants", headers: { "Next-Action": "f".repeat(42), "Content-Type": "text/plain" }, body: "[]" } });
    requests.push({ label: "no-JS form post with garbage", request: { method: "POST", path: "/espace-etudiant", headers: { "Content-Type": "multipart/form-data; boundary=b" }, body: "--b\r\ngarbage" } });
    const problems = await problemsOf(requests);
    expect(problems).toEqual([]);
  });

  it("refuses what a role may not do, changing nothing: a read-only teacher, a forged or no session", async () => {
    const call = (action: string, cookie: string | null, argument: unknown) =>
      send({
        method: "POST",
        path: "/etudiants",
        headers: { "Next-Action": actionIds[action], "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", ...(cookie ? { Cookie: cookie } : {}) },
        body: JSON.stringify([argument]),
      });
    for (const studentId of canaryIds) {
      const teacher = await call("enablePortalAccess", cookies.enseignant!, { studentId });
      expect(teacher.status).toBe(200);
      expect(teacher.body).toMatch(/"error":"(forbidden|not_found)"/);
      const forged = await call("changePersonEmail", "next-auth.session-token=forged", { studentId, email: "pirate@evil.example" });
      expect(forged.body).toContain('"error":"unauthenticated"');
      // Without any session cookie the proxy sends the call to the sign-in page before it runs.
      const anonymous = await call("changePersonEmail", null, { studentId, email: "pirate@evil.example" });
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
      headers: { "Next-Action": actionIds.enablePortalAccess, "Content-Type": "text/plain", "Transfer-Encoding": "chunked" },
      body: "2\r\n[]\r\n0\r\n\r\n",
    });
    expect(chunked.status).toBe(411);
  });

  it("changed nothing in the database", async () => {
    expect(await databaseState()).toEqual(before);
  });

  it("logged forged cookies on one line each, without a stack trace", () => {
    const log = readFileSync(process.env.E2E_SERVER_LOG!, "utf8");
    expect(log).toMatch(/\[staff session cookie refused\] ERR_JWE/);
    expect(log).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
    expect(log).not.toMatch(/\[next-auth\]\[error\]/);
  });
});
