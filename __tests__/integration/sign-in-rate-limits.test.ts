/** @jest-environment node */
import { signInStaff } from "@/lib/data/staff";
import { clientKeyOf } from "@/lib/client-key";
import { signInSucceeded, takeSignInAttempt } from "@/lib/data/rate-limits";
import { RIGHTS } from "@/lib/rights";
import { createStaff, createWorld, STAFF_PASSWORD } from "../factories/school";

describe("sign-in rate limits (stored in the database)", () => {
  it("pauses an address after five attempts without success, without touching other addresses", async () => {
    const email = `cible.${Date.now()}@lycee.test`;
    for (let attempt = 1; attempt <= 5; attempt += 1) expect(await takeSignInAttempt("portal", email, "10.0.0.1")).toBe(0);
    const wait = await takeSignInAttempt("portal", email.toUpperCase(), "10.0.0.2");
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect(await takeSignInAttempt("portal", `autre.${Date.now()}@lycee.test`, "10.0.0.2")).toBe(0);
    // Staff and portal counters are separate: a blocked portal address does not block a staff sign-in.
    expect(await takeSignInAttempt("staff", email, "10.0.0.2")).toBe(0);
  });

  it("counts attempts sent at the same moment: only five of twenty go through", async () => {
    const email = `rafale.${Date.now()}@lycee.test`;
    const waits = await Promise.all(Array.from({ length: 20 }, (_, index) => takeSignInAttempt("portal", email, `10.3.0.${index}`)));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(5);
    expect(waits.filter((wait) => wait > 14 * 60)).toHaveLength(15);
  });

  it("pauses a client trying many addresses", async () => {
    const client = `192.168.0.${Date.now() % 250}`;
    for (let attempt = 0; attempt < 100; attempt += 1) {
      expect(await takeSignInAttempt("portal", `essai${attempt}.${Date.now()}@lycee.test`, client)).toBe(0);
    }
    expect(await takeSignInAttempt("portal", `nouvelle.${Date.now()}@lycee.test`, client)).toBeGreaterThan(0);
    expect(await takeSignInAttempt("portal", `nouvelle.${Date.now()}@lycee.test`, "172.16.0.9")).toBe(0);
  });

  it("forgets an address's failures after a successful sign-in", async () => {
    const email = `oubli.${Date.now()}@lycee.test`;
    for (let attempt = 0; attempt < 3; attempt += 1) await takeSignInAttempt("portal", email, "10.1.0.1");
    await signInSucceeded("portal", email, "10.1.0.1");
    for (let attempt = 0; attempt < 5; attempt += 1) expect(await takeSignInAttempt("portal", email, "10.1.0.1")).toBe(0);
    expect(await takeSignInAttempt("portal", email, "10.1.0.1")).toBeGreaterThan(0);
  });

  it("takes the client from the last X-Forwarded-For entry (the proxy's), then X-Real-IP", () => {
    const headers = (values: Record<string, string>) => (name: string) => values[name];
    expect(clientKeyOf(headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.7 " }))).toBe("203.0.113.7");
    expect(clientKeyOf(headers({ "x-forwarded-for": "203.0.113.8" }))).toBe("203.0.113.8");
    expect(clientKeyOf(headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientKeyOf(headers({}))).toBe("local");
  });
});

describe("staff sign-in", () => {
  it("refuses even the right password for a while after repeated failures, then lets it through", async () => {
    const world = await createWorld();
    const staff = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    const client = `10.9.${Date.now() % 250}.1`;
    expect(await signInStaff(staff.email, "mauvais", client)).toEqual({ ok: false, error: "invalid_credentials" });
    expect(await signInStaff(staff.email, STAFF_PASSWORD, client)).toMatchObject({ ok: true, staff: { id: staff.id } });
    for (let attempt = 0; attempt < 6; attempt += 1) await signInStaff(staff.email, `mauvais ${attempt}`, client);
    expect(await signInStaff(staff.email, STAFF_PASSWORD, client)).toEqual({ ok: false, error: "too_many_attempts", minutes: 15 });
    // Another staff member on the same network is not locked out by it.
    const colleague = await createStaff(world, { rights: [RIGHTS.viewStudent] });
    expect(await signInStaff(colleague.email, STAFF_PASSWORD, client)).toMatchObject({ ok: true });
  });
});
