import 'server-only';
import { getRedis } from '@/lib/redis/client';
import { logger } from '@/lib/log';
import { AppError } from './errors';

// Fixed-window limits for the endpoints worth guessing at (sign-in, registration, password reset, order lookup).
// Redis when configured, so every instance shares the count; otherwise a per-process map (single-instance setups).
// If Redis is configured but failing, requests are allowed and the failure logged: these limits slow attackers,
// they must not lock every shopper out during a Redis outage.

export type RateLimitPolicy = { name: string; limit: number; windowS: number };

const memory = new Map<string, { count: number; resetAt: number }>();
const MEMORY_MAX_KEYS = 50_000;

function memoryHit(key: string, windowS: number, now: number): number {
  const entry = memory.get(key);
  if (!entry || entry.resetAt <= now) {
    if (memory.size >= MEMORY_MAX_KEYS) {
      for (const [k, v] of memory) if (v.resetAt <= now) memory.delete(k);
      if (memory.size >= MEMORY_MAX_KEYS) memory.clear();
    }
    memory.set(key, { count: 1, resetAt: now + windowS * 1000 });
    return 1;
  }
  entry.count += 1;
  return entry.count;
}

function windowKey(policy: RateLimitPolicy, subject: string, now: number): string {
  return `rl:${policy.name}:${subject}:${Math.floor(now / (policy.windowS * 1000))}`;
}

function limited(policy: RateLimitPolicy, now: number): AppError {
  const retryAfterS = policy.windowS - Math.floor((now / 1000) % policy.windowS);
  return new AppError('rate_limited', 'Too many attempts. Please wait a few minutes and try again.', {
    headers: { 'retry-after': String(retryAfterS) },
  });
}

/** Counts one attempt; returns the count in this window, or 0 when the count could not be kept (Redis down). */
export async function countAttempt(policy: RateLimitPolicy, subject: string, now = Date.now()): Promise<number> {
  const key = windowKey(policy, subject, now);
  const redis = getRedis();
  if (!redis) return memoryHit(key, policy.windowS, now);
  try {
    const count = await redis.incr(key);
    if (count === 1) await redis.expire(key, policy.windowS + 1);
    return count;
  } catch (error) {
    logger.warn({ err: error, policy: policy.name }, 'rate limit not counted: redis unavailable');
    return 0;
  }
}

/** Counts one attempt under `policy` for `subject` and throws 429 once the window's limit is passed. */
export async function enforceRateLimit(policy: RateLimitPolicy, subject: string, now = Date.now()): Promise<void> {
  if ((await countAttempt(policy, subject, now)) > policy.limit) throw limited(policy, now);
}

/** Throws 429 when `subject` already used up this window, without counting (for "failures only" limits). */
export async function assertUnderLimit(policy: RateLimitPolicy, subject: string, now = Date.now()): Promise<void> {
  const key = windowKey(policy, subject, now);
  const redis = getRedis();
  let count = 0;
  if (!redis) {
    const entry = memory.get(key);
    count = entry && entry.resetAt > now ? entry.count : 0;
  } else {
    try {
      count = Number((await redis.get(key)) ?? 0);
    } catch (error) {
      logger.warn({ err: error, policy: policy.name }, 'rate limit check skipped: redis unavailable');
    }
  }
  if (count >= policy.limit) throw limited(policy, now);
}

/** The client address as the nearest proxy saw it: the last X-Forwarded-For hop (earlier hops are client-supplied). */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).pop();
  return last || headers.get('x-real-ip') || 'unknown';
}

export const RATE_LIMITS = {
  // Sign-in counts failures only, so a shopper (or a test suite) signing in often is never locked out.
  signInFailuresPerEmail: { name: 'sign-in-fail-email', limit: 10, windowS: 15 * 60 },
  signInFailuresPerIp: { name: 'sign-in-fail-ip', limit: 50, windowS: 15 * 60 },
  registerPerIp: { name: 'register-ip', limit: 20, windowS: 60 * 60 },
  resetPerEmail: { name: 'reset-email', limit: 5, windowS: 60 * 60 },
  resetPerIp: { name: 'reset-ip', limit: 30, windowS: 60 * 60 },
  orderLookupPerIp: { name: 'order-lookup-ip', limit: 30, windowS: 15 * 60 },
} as const satisfies Record<string, RateLimitPolicy>;
