/** @jest-environment node */
// Hostile and careless requests against the built app, over raw sockets: bad encodings, forged
// headers and cookies, Node's and Next's own refusals. None may get a server error, every answer
// carries the security headers, and nothing in the database changes. Action bodies: malformed-actions.
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./support/browser";
import { canaryStudentIds, cookieOf, databaseState, problemsOf, securityProblems, type Hostile } from "./support/hostile";
import { exchange, parseAnswers, send } from "./support/raw-http";

let browser: Browser;
let cookies: { secretariat: string };
let canaryIds: string[];
let before: unknown;

beforeAll(async () => {
  browser = await launchBrowser();
  cookies = { secretariat: await cookieOf(browser, "secretariat") };
  canaryIds = await canaryStudentIds();
  expect(canaryIds).toHaveLength(3);
  before = await databaseState(canaryIds);
});

afterAll(() => browser?.close());

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
      ["staff", { Cookie: cookies.secretariat }],
    ];
    const requests: Hostile[] = [];
    for (const [who, headers] of sessions) {
      for (const target of MALFORMED_PATHS)
        requests.push({ label: `${who} GET ${target.slice(0, 60)}`, request: { path: target, headers } });
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
      requests.push({ label: `staff GET ${target}`, request: { path: target, headers: { Cookie: cookies.secretariat } } });
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

  it("changed nothing in the database", async () => {
    expect(await databaseState(canaryIds)).toEqual(before);
  });

  it("logged forged cookies on one line each, without a stack trace", () => {
    const log = readFileSync(process.env.E2E_SERVER_LOG!, "utf8");
    expect(log).toMatch(/\[staff session cookie refused\] ERR_JWE/);
    expect(log).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
    expect(log).not.toMatch(/\[next-auth\]\[error\]/);
  });
});
