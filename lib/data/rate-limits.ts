import "server-only";
import { RateLimiterPrisma, type RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";

// The brakes on sign-in and link requests, staff and espace étudiant alike (docs/decisions/010-rate-limits.md).
// Their counters are rows of the app's database (rate-limiter-flexible's Prisma store): a data module.

const WINDOW_SECONDS = 15 * 60;

// Sign-in attempts, for the espace étudiant and for staff alike.
// Per address: a few wrong passwords, then a pause. Per network address: many more, since a whole
// school's Wi-Fi may share one (a few students' mistakes must not lock the others out), but still a
// brake on someone trying many accounts.
const LIMITS = {
  account: { points: 5, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS },
  client: { points: 100, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS },
};

// Asking for a new link sends an email: a handful per address and per client each hour.
const LINK_LIMITS = {
  account: { points: 3, duration: 3600 },
  client: { points: 20, duration: 3600 },
};

/**
 * Whose attempts are counted, each with its own counters: the espace étudiant's sign-in, the staff's,
 * and the current password asked by « Changer mon mot de passe » (keyed by access, not address).
 */
export type SignInScope = "portal" | "staff" | "portal-password";

const signInLimiters = new Map<SignInScope, { account: RateLimiterPrisma; client: RateLimiterPrisma }>();
let linkLimiters: { account: RateLimiterPrisma; client: RateLimiterPrisma } | undefined;

function limiter(keyPrefix: string, limits: { points: number; duration: number; blockDuration?: number }) {
  // clearExpiredByTimeout: an unref'd timer deletes rows expired for an hour, so the table stays small.
  return new RateLimiterPrisma({ storeClient: getDb(), tableName: "rateLimiterFlexible", keyPrefix, clearExpiredByTimeout: true, ...limits });
}

/**
 * Stops the limiters' cleanup timers. For the tests: each test file has its own database, gone by
 * the time a timer left from an earlier file fires (five minutes on), and a log after a file ends
 * fails the run. rate-limiter-flexible keeps the timer in a field it offers no method for.
 */
export function stopRateLimiterCleanup(): void {
  const all = [...signInLimiters.values(), ...(linkLimiters ? [linkLimiters] : [])].flatMap(({ account, client }) => [account, client]);
  for (const limiter of all) clearTimeout((limiter as unknown as { _clearExpiredTimeoutId?: ReturnType<typeof setTimeout> })._clearExpiredTimeoutId);
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
 * Takes one attempt from the address's and the client's allowance, before the password is checked:
 * attempts sent in parallel are all counted, none slips past a check made before the others were
 * recorded. Returns the seconds to wait when the allowance is spent, else 0 (go ahead).
 */
export async function takeSignInAttempt(scope: SignInScope, email: string, client: string): Promise<number> {
  const { account, client: byClient } = signIn(scope);
  const results = await Promise.allSettled([account.consume(accountKey(email)), byClient.consume(client)]);
  let waitMs = 0;
  for (const result of results) {
    if (result.status === "fulfilled") continue;
    // consume() rejects with the limiter's answer once the allowance is spent; anything else is a fault.
    if (result.reason instanceof Error) throw result.reason;
    waitMs = Math.max(waitMs, (result.reason as RateLimiterRes).msBeforeNext);
  }
  return Math.ceil(waitMs / 1000);
}

/** A successful sign-in clears the address's failures and gives the client its attempt back. */
export async function signInSucceeded(scope: SignInScope, email: string, client: string): Promise<void> {
  const { account, client: byClient } = signIn(scope);
  await Promise.all([account.delete(accountKey(email)), byClient.reward(client, 1)]);
}

/** Counts a request for a new link; false once the address or the client asked too often this hour. */
export async function linkRequestAllowed(email: string, client: string): Promise<boolean> {
  linkLimiters ??= { account: limiter("link-account", LINK_LIMITS.account), client: limiter("link-client", LINK_LIMITS.client) };
  const results = await Promise.allSettled([linkLimiters.account.consume(accountKey(email)), linkLimiters.client.consume(client)]);
  return results.every((result) => result.status === "fulfilled");
}
