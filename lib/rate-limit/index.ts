import 'server-only';
import { createHash } from 'node:crypto';
import { env } from '@/lib/env';
import { logger } from '@/lib/log';
import { counter } from '@/lib/observability/metrics';
import { getRedis } from '@/lib/redis/client';
import { AppError } from '@/lib/errors';
import { RATE_LIMITS, type RateLimitPolicy } from './policies';
import { type LimiterStore, memoryStore, ratelimitStore, upstashClient, ioredisFacade, type Verdict } from './store';

export const rateLimitRejections = counter({
  name: 'storefront_rate_limit_rejections_total',
  help: 'Requests refused by a rate-limit policy, by policy name.',
  labelNames: ['policy'] as const,
});

// Rate limiting for every policy in ./rate-limit-policies.ts, shared by all instances through Redis:
//   UPSTASH_REDIS_REST_URL/TOKEN set → Upstash over REST; else REDIS_URL → that Redis (ioredis); else in-process.
// The shared store gets LIMITER_TIMEOUT_MS per call. When it errors, is not connected, or is slower than that,
// the policy's failMode decides: 'local' counts in this process, 'open' allows (and logs, at most once a minute).
// Nothing to reset when Redis returns: the next call simply uses it again.

export { RATE_LIMITS, type LimitClient, type OperationLimits, type RateLimitPolicy } from './policies';
export { clientIp, ipSubject } from '@/lib/server/client-ip';

/** The limiter's own deadline per call: well under a page's budget, so a slow Redis costs shoppers ≤ 150 ms. */
export const LIMITER_TIMEOUT_MS = 150;

// timeoutMs: tests of atomicity under a burst raise the deadline, so that a slow machine (PGlite blocks the event
// loop while it works) does not turn the test into one of the fail mode, which rate-limit.integration.test.ts drills.
type Stores = { shared: LimiterStore | null; local: LimiterStore; timeoutMs?: number };

const globalForLimits = globalThis as typeof globalThis & { __storefrontLimiterStores?: Stores };

function stores(): Stores {
  if (globalForLimits.__storefrontLimiterStores) return globalForLimits.__storefrontLimiterStores;
  const local = memoryStore();
  let shared: LimiterStore | null = null;
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
    const rest = upstashClient(env.UPSTASH_REDIS_REST_URL, env.UPSTASH_REDIS_REST_TOKEN, LIMITER_TIMEOUT_MS);
    shared = ratelimitStore('upstash', rest, env.REDIS_KEY_PREFIX, () => true);
  } else {
    const redis = getRedis();
    if (redis) shared = ratelimitStore('redis', ioredisFacade(redis), env.REDIS_KEY_PREFIX, () => redis.status === 'ready');
  }
  globalForLimits.__storefrontLimiterStores = { shared, local };
  return globalForLimits.__storefrontLimiterStores;
}

/** For tests: use these stores instead of the ones the environment selects (null → back to the environment). */
export function setLimiterStoresForTesting(next: Stores | null): void {
  globalForLimits.__storefrontLimiterStores = next ?? undefined;
}

/** Emails and addresses become a digest before they are a Redis key: no personal data at rest in the limiter. */
function keyOf(subject: string): string {
  return createHash('sha256').update(subject.normalize('NFKC').toLowerCase(), 'utf8').digest('base64url').slice(0, 22);
}

function withDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`rate-limit store did not answer within ${timeoutMs} ms`)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

let lastOutageLogAt = 0;
function noteOutage(policy: RateLimitPolicy, error: unknown): void {
  const now = Date.now();
  if (now - lastOutageLogAt < 60_000) return;
  lastOutageLogAt = now;
  logger.warn({ err: error, policy: policy.name, failMode: policy.failMode }, 'rate-limit store unavailable: failing per policy');
}

// RATE_LIMIT_OVERRIDES gives named policies another limit (their windows and fail modes stay).
const overriddenLimits = new Map(env.RATE_LIMIT_OVERRIDES.map(({ name, limit }) => [name, limit]));

/** Fails loudly at boot when RATE_LIMIT_OVERRIDES names a policy that does not exist (a typo would change nothing). */
export function assertRateLimitOverrides(): void {
  const known = new Set<string>(Object.values(RATE_LIMITS).map((policy) => policy.name));
  const unknown = [...overriddenLimits.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`RATE_LIMIT_OVERRIDES names no such policy: ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
  }
}

function effective(policy: RateLimitPolicy): RateLimitPolicy {
  const limit = overriddenLimits.get(policy.name);
  return limit === undefined ? policy : { ...policy, limit };
}

export type RateLimitOutcome = Verdict & { source: 'redis' | 'upstash' | 'memory' | 'fail-open' };

async function decide(
  declared: RateLimitPolicy,
  subject: string,
  now: number,
): Promise<RateLimitOutcome> {
  const policy = effective(declared);
  const { shared, local, timeoutMs = LIMITER_TIMEOUT_MS } = stores();
  const key = keyOf(subject);
  if (shared) {
    try {
      if (!shared.available()) throw new Error(`${shared.kind} not connected`);
      const verdict = await withDeadline(shared.hit(policy, key, now), timeoutMs);
      return { ...verdict, source: shared.kind };
    } catch (error) {
      noteOutage(policy, error);
      if (policy.failMode === 'open') {
        return { allowed: true, limit: policy.limit, remaining: policy.limit, resetAt: now + policy.windowS * 1000, source: 'fail-open' };
      }
    }
  }
  return { ...(await local.hit(policy, key, now)), source: 'memory' };
}

/** The standard headers for a limited response: Retry-After plus the IETF RateLimit-* fields (seconds). */
export function rateLimitHeaders(outcome: Verdict, now = Date.now()): Record<string, string> {
  const resetS = Math.max(1, Math.ceil((outcome.resetAt - now) / 1000));
  return {
    'retry-after': String(resetS),
    'ratelimit-limit': String(outcome.limit),
    'ratelimit-remaining': String(Math.max(0, outcome.remaining)),
    'ratelimit-reset': String(resetS),
  };
}

function limited(policy: RateLimitPolicy, outcome: Verdict, now: number): AppError {
  rateLimitRejections.inc({ policy: policy.name });
  const minutes = Math.max(1, Math.ceil((outcome.resetAt - now) / 60_000));
  return new AppError(
    'rate_limited',
    `Too many attempts. Please wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.`,
    { headers: rateLimitHeaders(outcome, now) },
  );
}

/** Counts one attempt; returns the outcome (allowed or not) without throwing. */
export async function countAttempt(policy: RateLimitPolicy, subject: string, now = Date.now()): Promise<RateLimitOutcome> {
  return decide(policy, subject, now);
}

/** Counts one attempt under `policy` for `subject` and throws 429 once the limit is passed. */
export async function enforceRateLimit(policy: RateLimitPolicy, subject: string, now = Date.now()): Promise<RateLimitOutcome> {
  const outcome = await decide(policy, subject, now);
  if (!outcome.allowed) throw limited(policy, outcome, now);
  return outcome;
}

/** A unit of budget taken before a secret is checked; `release()` gives it back when the check succeeded. */
export type Reservation = { outcomes: RateLimitOutcome[]; release: () => Promise<void> };

async function releaseUnit(declared: RateLimitPolicy, subject: string, source: RateLimitOutcome['source'], now: number): Promise<void> {
  if (source === 'fail-open') return;
  const policy = effective(declared);
  const { shared, local, timeoutMs = LIMITER_TIMEOUT_MS } = stores();
  // Back to the store that took it: a unit taken by the in-process fallback is not Redis's to refund.
  const store = source === 'memory' ? local : shared;
  if (!store) return;
  try {
    await withDeadline(store.release(policy, keyOf(subject), now), timeoutMs);
  } catch (error) {
    // A lost refund costs the user one unit of a failures-only budget; it never lets an attacker through.
    noteOutage(policy, error);
  }
}

/**
 * "Failures only" limits guarding a secret (passwords, second factors, discount codes): spends one unit of every
 * [policy, subject] pair *before* the secret is checked, atomically in the store, and throws 429 when any is used
 * up (giving back the units already taken). A burst of concurrent guesses therefore gets at most `limit` checks —
 * a peek-then-count-after scheme lets every request of the burst pass the peek before the first failure is counted.
 * Call `release()` when the check succeeded, so a right answer costs nothing.
 */
export async function reserveAttempt(limits: [RateLimitPolicy, string][], now = Date.now()): Promise<Reservation> {
  const taken: { policy: RateLimitPolicy; subject: string; outcome: RateLimitOutcome }[] = [];
  const releaseAll = async () => {
    const units = taken.splice(0);
    await Promise.all(units.map((unit) => releaseUnit(unit.policy, unit.subject, unit.outcome.source, now)));
  };
  for (const [policy, subject] of limits) {
    const outcome = await decide(policy, subject, now);
    if (!outcome.allowed) {
      await releaseAll();
      throw limited(policy, outcome, now);
    }
    taken.push({ policy, subject, outcome });
  }
  return { outcomes: taken.map((unit) => unit.outcome), release: releaseAll };
}

/**
 * Runs `check` inside the budget of `limits`: reserved before it runs, given back when it answers a value (success)
 * or throws (not a guess: the database was away, say), kept when it answers null (a wrong secret).
 */
export async function withAttemptBudget<T>(limits: [RateLimitPolicy, string][], check: () => Promise<T | null>): Promise<T | null> {
  const reservation = await reserveAttempt(limits);
  let result: T | null;
  try {
    result = await check();
  } catch (error) {
    await reservation.release();
    throw error;
  }
  if (result !== null) await reservation.release();
  return result;
}
