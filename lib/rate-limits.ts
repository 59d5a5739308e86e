import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";

const WINDOW_SECONDS = 15 * 60;

// Sign-in attempts, for the espace étudiant and for staff alike.
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

/** Whose sign-in is counted: the espace étudiant's or the staff's (separate counters). */
export type SignInScope = "portal" | "staff";

const signInLimiters = new Map<SignInScope, { account: RateLimiterPrisma; client: RateLimiterPrisma }>();
let linkLimiters: { account: RateLimiterPrisma; client: RateLimiterPrisma } | undefined;

function limiter(keyPrefix: string, limits: { points: number; duration: number; blockDuration?: number }) {
  return new RateLimiterPrisma({ storeClient: getDb(), tableName: "rateLimiterFlexible", keyPrefix, clearExpiredByTimeout: false, ...limits });
}

function signIn(scope: SignInScope) {
  let limiters = signInLimiters.get(scope);
  if (!limiters) {
    limiters = { account: limiter(`${scope}-account`, LIMITS.account), client: limiter(`${scope}-client`, LIMITS.client) };
    signInLimiters.set(scope, limiters);
  }
  return limiters;
}

const accountKey = (email: string) => email.trim().toLowerCase();

/**
 * The client's network address as the app sees it: the first X-Forwarded-For entry when a proxy sets
 * it. Without a proxy that strips it, a client can vary it: the per-address limit still holds.
 */
export function clientKeyOf(header: (name: string) => string | null | undefined): string {
  const forwarded = header("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || header("x-real-ip") || "local").slice(0, 64);
}

/** Seconds to wait before another sign-in attempt is allowed for this address or client, or 0. */
export async function signInBlockedFor(scope: SignInScope, email: string, client: string): Promise<number> {
  const { account, client: byClient } = signIn(scope);
  const [forAccount, forClient] = await Promise.all([account.get(accountKey(email)), byClient.get(client)]);
  const waits = [
    forAccount && forAccount.consumedPoints > LIMITS.account.points ? forAccount.msBeforeNext : 0,
    forClient && forClient.consumedPoints > LIMITS.client.points ? forClient.msBeforeNext : 0,
  ];
  return Math.ceil(Math.max(...waits) / 1000);
}

/** Counts a failed attempt against the address and the client. */
export async function recordFailedSignIn(scope: SignInScope, email: string, client: string): Promise<void> {
  const { account, client: byClient } = signIn(scope);
  // consume() rejects once the limit is passed: that is the block being recorded, not an error.
  await Promise.allSettled([account.consume(accountKey(email)), byClient.consume(client)]);
}

/** A successful sign-in clears the address's counter. */
export async function clearFailedSignIns(scope: SignInScope, email: string): Promise<void> {
  await signIn(scope).account.delete(accountKey(email));
}

/** Counts a request for a new link; false once the address or the client asked too often this hour. */
export async function linkRequestAllowed(email: string, client: string): Promise<boolean> {
  linkLimiters ??= { account: limiter("link-account", LINK_LIMITS.account), client: limiter("link-client", LINK_LIMITS.client) };
  const results = await Promise.allSettled([linkLimiters.account.consume(accountKey(email)), linkLimiters.client.consume(client)]);
  return results.every((result) => result.status === "fulfilled");
}
