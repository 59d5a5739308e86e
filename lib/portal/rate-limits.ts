import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";

const WINDOW_SECONDS = 15 * 60;

// Per address: a few wrong passwords, then a pause. Per network address: more, for shared networks
// (a school's Wi-Fi), but still a brake on someone trying many accounts.
const LIMITS = {
  account: { points: 5, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS },
  client: { points: 30, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS },
};

// Asking for a new link sends an email: a handful per address and per client each hour.
const LINK_LIMITS = {
  account: { points: 3, duration: 3600 },
  client: { points: 20, duration: 3600 },
};

type Limiters = { account: RateLimiterPrisma; client: RateLimiterPrisma; linkAccount: RateLimiterPrisma; linkClient: RateLimiterPrisma };
let limiters: Limiters | undefined;

function getLimiters(): Limiters {
  limiters ??= {
    account: new RateLimiterPrisma({ storeClient: getDb(), tableName: "rateLimiterFlexible", keyPrefix: "portal-account", clearExpiredByTimeout: false, ...LIMITS.account }),
    client: new RateLimiterPrisma({ storeClient: getDb(), tableName: "rateLimiterFlexible", keyPrefix: "portal-client", clearExpiredByTimeout: false, ...LIMITS.client }),
    linkAccount: new RateLimiterPrisma({ storeClient: getDb(), tableName: "rateLimiterFlexible", keyPrefix: "link-account", clearExpiredByTimeout: false, ...LINK_LIMITS.account }),
    linkClient: new RateLimiterPrisma({ storeClient: getDb(), tableName: "rateLimiterFlexible", keyPrefix: "link-client", clearExpiredByTimeout: false, ...LINK_LIMITS.client }),
  };
  return limiters;
}

const accountKey = (email: string) => email.trim().toLowerCase();

/** Seconds to wait before another sign-in attempt is allowed for this address or client, or 0. */
export async function signInBlockedFor(email: string, client: string): Promise<number> {
  const { account, client: byClient } = getLimiters();
  const [forAccount, forClient] = await Promise.all([account.get(accountKey(email)), byClient.get(client)]);
  const waits = [
    forAccount && forAccount.consumedPoints > LIMITS.account.points ? forAccount.msBeforeNext : 0,
    forClient && forClient.consumedPoints > LIMITS.client.points ? forClient.msBeforeNext : 0,
  ];
  return Math.ceil(Math.max(...waits) / 1000);
}

/** Counts a failed attempt against the address and the client. */
export async function recordFailedSignIn(email: string, client: string): Promise<void> {
  const { account, client: byClient } = getLimiters();
  // consume() rejects once the limit is passed: that is the block being recorded, not an error.
  await Promise.allSettled([account.consume(accountKey(email)), byClient.consume(client)]);
}

/** A successful sign-in clears the address's counter. */
export async function clearFailedSignIns(email: string): Promise<void> {
  await getLimiters().account.delete(accountKey(email));
}

/** Counts a request for a new link; false once the address or the client asked too often this hour. */
export async function linkRequestAllowed(email: string, client: string): Promise<boolean> {
  const { linkAccount, linkClient } = getLimiters();
  const results = await Promise.allSettled([linkAccount.consume(accountKey(email)), linkClient.consume(client)]);
  return results.every((result) => result.status === "fulfilled");
}
