/** @jest-environment node */
import { clearFailedSignIns, recordFailedSignIn, signInBlockedFor } from "@/lib/portal/rate-limits";

describe("portal sign-in rate limits (stored in the database)", () => {
  it("pauses an address after repeated failures, without touching other addresses", async () => {
    const email = `cible.${Date.now()}@lycee.test`;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(await signInBlockedFor(email, "10.0.0.1")).toBe(0);
      await recordFailedSignIn(email, "10.0.0.1");
    }
    expect(await signInBlockedFor(email, "10.0.0.1")).toBe(0);
    await recordFailedSignIn(email, "10.0.0.1");
    const wait = await signInBlockedFor(email.toUpperCase(), "10.0.0.2");
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect(await signInBlockedFor(`autre.${Date.now()}@lycee.test`, "10.0.0.2")).toBe(0);
  });

  it("pauses a client trying many addresses", async () => {
    const client = `192.168.0.${Date.now() % 250}`;
    for (let attempt = 0; attempt < 31; attempt += 1) await recordFailedSignIn(`essai${attempt}.${Date.now()}@lycee.test`, client);
    expect(await signInBlockedFor(`nouvelle.${Date.now()}@lycee.test`, client)).toBeGreaterThan(0);
    expect(await signInBlockedFor(`nouvelle.${Date.now()}@lycee.test`, "172.16.0.9")).toBe(0);
  });

  it("forgets an address's failures after a successful sign-in", async () => {
    const email = `oubli.${Date.now()}@lycee.test`;
    for (let attempt = 0; attempt < 3; attempt += 1) await recordFailedSignIn(email, "10.1.0.1");
    await clearFailedSignIns(email);
    for (let attempt = 0; attempt < 5; attempt += 1) await recordFailedSignIn(email, "10.1.0.1");
    expect(await signInBlockedFor(email, "10.1.0.1")).toBe(0);
  });
});
