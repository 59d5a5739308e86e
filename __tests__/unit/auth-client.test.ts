/** @jest-environment jsdom */
// The staff browser's two next-auth requests, against a fake server: the fields next-auth reads
// (CSRF token first, then a form post with json=true) and how its answer is read. The real
// exchange is covered end to end (e2e/sign-in.test.ts).
import { signInWithPassword, signOutTo } from "@/lib/auth-client";

type Call = { url: string; init?: RequestInit };
let calls: Call[];

function serverAnswering(answer: { status: number; url: string }) {
  calls = [];
  global.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    const body = String(url).endsWith("/csrf") ? { csrfToken: "token-123" } : { url: answer.url };
    const status = String(url).endsWith("/csrf") ? 200 : answer.status;
    return { ok: status < 400, status, json: async () => body } as Response;
  }) as typeof fetch;
}

const form = (call: Call) => Object.fromEntries(new URLSearchParams(String(call.init?.body)));

describe("signInWithPassword", () => {
  it("posts the email and password with the CSRF token to the credentials callback", async () => {
    serverAnswering({ status: 200, url: "http://localhost/etudiants" });
    expect(await signInWithPassword("direction@sesame.test", "secret")).toEqual({ ok: true, status: 200, error: null });
    expect(calls.map((call) => call.url)).toEqual(["/api/auth/csrf", "/api/auth/callback/credentials"]);
    expect(calls[1].init?.method).toBe("POST");
    expect(form(calls[1])).toMatchObject({ email: "direction@sesame.test", password: "secret", csrfToken: "token-123", json: "true" });
  });

  it("reads next-auth's error from the URL it answers with", async () => {
    serverAnswering({ status: 401, url: "http://localhost/api/auth/error?error=CredentialsSignin" });
    expect(await signInWithPassword("direction@sesame.test", "wrong")).toEqual({ ok: false, status: 401, error: "CredentialsSignin" });
    serverAnswering({ status: 200, url: "http://localhost/api/auth/error?error=too_many%3A12" });
    expect((await signInWithPassword("direction@sesame.test", "wrong")).error).toBe("too_many:12");
  });

  it("fails when the server cannot give a CSRF token", async () => {
    global.fetch = jest.fn(async () => ({ ok: false, status: 503, json: async () => ({}) }) as Response) as typeof fetch;
    await expect(signInWithPassword("direction@sesame.test", "secret")).rejects.toThrow("csrf: HTTP 503");
  });
});

describe("signOutTo", () => {
  it("posts the CSRF token to next-auth's sign-out", async () => {
    serverAnswering({ status: 200, url: "http://localhost/connexion" });
    // jsdom cannot load the next page and says so on the console.
    const console = jest.spyOn(global.console, "error").mockImplementation(() => {});
    await signOutTo("/connexion");
    console.mockRestore();
    expect(calls.map((call) => call.url)).toEqual(["/api/auth/csrf", "/api/auth/signout"]);
    expect(form(calls[1])).toEqual({ callbackUrl: "/connexion", csrfToken: "token-123", json: "true" });
  });
});
