import { describeError, logInfo, redact, routeConsoleThroughLog } from "@/lib/log";

describe("what reaches the server logs", () => {
  it("removes addresses, password hashes, link tokens and sessions, and keeps the rest", () => {
    const token = "Qm9uam91ci1jZWNpLWVzdC11bi1qZXRvbi1kZS10ZXN0";
    const line = redact(
      `550 5.1.1 <marie.dupont@famille.test>: unknown; hash $argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA; link /activation/${token}; ` +
        "cookie eyJhbGciOiJIUzI1NiJ9.eyJhY2Nlc3NJZCI6ImNsenp6enp6enp6enp6enp6eiJ9.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU; id cm3abcde1000008l4f0gh2ijk",
    );
    expect(line).not.toMatch(/marie|argon2|Qm9uam|eyJ|c2lnbmF0dXJl/);
    expect(line).toContain("550 5.1.1 <[email]>: unknown");
    expect(line).toContain("/activation/[secret]");
    expect(line).toContain("id cm3abcde1000008l4f0gh2ijk");
  });

  it("describes an error on one bounded line", () => {
    const error = new Error(`Something failed:\n\n  data: { signInEmail: "paul@lycee.test" }\n${"x ".repeat(600)}`);
    const described = describeError(error);
    expect(described.startsWith('Error: Something failed: data: { signInEmail: "[email]" }')).toBe(true);
    expect(described).not.toContain("\n");
    expect(described.length).toBeLessThanOrEqual(500);
    expect(describeError("plain")).toBe("plain");
    expect(describeError({ error: "JWT_SESSION_ERROR", token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl" })).toBe(
      '{"error":"JWT_SESSION_ERROR","token":"[token]"}',
    );
  });

  it("keeps the call, the code and the cause of a Prisma error, not the quoted source", () => {
    const error = Object.assign(
      new Error(
        '\nInvalid `getDb().staffSession.findFirst()` invocation in\n/app/lib/data/staff-sessions.ts:30:46\n\n  29 export async function load(email = "marie@famille.test") {\n→ 30   const session = await getDb().staffSession.findFirst(\nOperation has timed out',
      ),
      { name: "PrismaClientKnownRequestError", code: "P1008" },
    );
    expect(describeError(error)).toBe("PrismaClientKnownRequestError P1008: getDb().staffSession.findFirst(): Operation has timed out");
  });
});

describe("routeConsoleThroughLog", () => {
  it("turns whatever is written to console.error and console.warn into one redacted line, keeping an error's digest", () => {
    const lines: unknown[][] = [];
    const target = { error: (...args: unknown[]) => lines.push(args), warn: (...args: unknown[]) => lines.push(args) };
    routeConsoleThroughLog(target);
    const error = Object.assign(
      new Error(
        'Invalid `db.student.findMany()` invocation in\n/app/x.ts:1:1\n\n→ 1 where: { email: "marie@famille.test" }\nOperation has timed out',
      ),
      {
        name: "PrismaClientKnownRequestError",
        code: "P1008",
        digest: "2731180449",
      },
    );
    error.stack = `${error.message}\n    at render (/app/.next/server/page.js:1:2)`;
    target.error(" ⨯", error);
    target.warn("cookie", { token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl" }, "for paul@lycee.test\nsecond line");
    target.error("Error: boom\n    at render (/app/.next/server/page.js:1:2)\n    at async x (/app/y.js:3:4)");
    expect(lines).toEqual([
      ["⨯ PrismaClientKnownRequestError P1008: db.student.findMany(): Operation has timed out (digest 2731180449)"],
      ['cookie {"token":"[token]"} for [email] second line'],
      ["Error: boom"],
    ]);
  });
});

describe("logInfo", () => {
  it("writes one redacted line with its context", () => {
    const info = jest.spyOn(console, "info").mockImplementation(() => {});
    try {
      logInfo("reminders", "3 queued\nfor marie.dupont@example.org");
      expect(info).toHaveBeenCalledTimes(1);
      const [line] = info.mock.calls[0] as [string];
      expect(line.startsWith("[reminders] 3 queued")).toBe(true);
      expect(line).not.toContain("\n");
      expect(line).not.toContain("marie.dupont@example.org");
    } finally {
      info.mockRestore();
    }
  });
});
