import { accessState } from "@/lib/access/state";
import { createLinkToken, hashLinkToken } from "@/lib/access/tokens";
import { decryptPayload, encryptPayload } from "@/lib/mail/payload-crypto";

const now = new Date("2026-11-25T10:00:00Z");
const later = new Date("2026-11-30T10:00:00Z");
const earlier = new Date("2026-11-20T10:00:00Z");

describe("accessState", () => {
  it.each([
    ["no access row", null, "none"],
    ["never enabled", { enabled: false, disabledAt: null, linkExpiresAt: null }, "none"],
    ["enabled, link valid", { enabled: true, disabledAt: null, linkExpiresAt: later }, "invited"],
    ["enabled, link expired", { enabled: true, disabledAt: null, linkExpiresAt: earlier }, "expired"],
    ["enabled, no link left", { enabled: true, disabledAt: null, linkExpiresAt: null }, "expired"],
    ["password chosen", { enabled: true, passwordHash: "$argon2id$...", disabledAt: null, linkExpiresAt: later }, "active"],
    ["disabled", { enabled: false, passwordHash: "$argon2id$...", disabledAt: earlier, linkExpiresAt: null }, "disabled"],
  ] as const)("%s → %s", (_label, access, expected) => {
    expect(accessState(access, now)).toBe(expected);
  });
});

describe("link tokens", () => {
  it("are 256-bit random strings stored only as their SHA-256", () => {
    const first = createLinkToken();
    const second = createLinkToken();
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.token).not.toBe(second.token);
    expect(first.tokenHash).toBe(hashLinkToken(first.token));
    expect(first.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.tokenHash).not.toContain(first.token);
  });
});

describe("outbox payload encryption", () => {
  const secret = "s".repeat(40);
  it("round-trips and hides the content", () => {
    const sealed = encryptPayload(secret, { html: "<a href='https://x/activation/TOKEN'>", text: "TOKEN" });
    expect(sealed).not.toContain("TOKEN");
    expect(decryptPayload(secret, sealed)).toEqual({ html: "<a href='https://x/activation/TOKEN'>", text: "TOKEN" });
  });

  it("refuses a payload altered or sealed with another secret", () => {
    const sealed = encryptPayload(secret, { text: "x" });
    expect(() => decryptPayload("t".repeat(40), sealed)).toThrow();
    const [version, iv, tag, data] = sealed.split(".");
    // Another character in the middle of the data (never the same one, so the test cannot pass by chance).
    const middle = Math.floor(data.length / 2);
    const flipped = `${data.slice(0, middle)}${data[middle] === "A" ? "B" : "A"}${data.slice(middle + 1)}`;
    expect(() => decryptPayload(secret, [version, iv, tag, flipped].join("."))).toThrow();
  });
});
