import 'server-only';
import { createHash } from 'node:crypto';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis as UpstashRedis } from '@upstash/redis';
import type Redis from 'ioredis';
import type { RateLimitPolicy } from './policies';

// The stores behind lib/rate-limit/index.ts. @upstash/ratelimit does the counting (sliding window, atomic Lua) on
// whichever Redis is configured; it only ever calls `evalsha(hash, keys, args)` and, on NOSCRIPT,
// `eval(script, keys, args)`, so a Redis is anything with those two methods:
//   - ioredis (REDIS_URL): its scripts start with `#!lua flags=allow-key-locking`, which stock Redis 7 rejects, so
//     the facade strips that line and maps the library's hash (SHA-1 of the original) to the stripped script's SHA-1;
//   - Upstash over REST (UPSTASH_REDIS_REST_URL/TOKEN): Upstash's own client, @upstash/redis, which the library is
//     written for (Upstash accepts the flags line).
// The in-process store is a fixed-window counter: used without any Redis, and as the fallback for 'local' policies.

export type Verdict = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the budget is whole again (ms since epoch). */
  resetAt: number;
};

export type LimiterStore = {
  kind: 'redis' | 'upstash' | 'memory';
  /** Counts one attempt and says whether it was within the limit. */
  hit(policy: RateLimitPolicy, key: string, now: number): Promise<Verdict>;
  /** Reads the budget without spending it. */
  peek(policy: RateLimitPolicy, key: string, now: number): Promise<Verdict>;
  /** Gives back one unit an allowed `hit` spent (a reservation that turned out to be a success). */
  release(policy: RateLimitPolicy, key: string, now: number): Promise<void>;
  /** False when calling the store now would certainly fail (e.g. ioredis not connected): skip straight to the fallback. */
  available(): boolean;
};

type EvalRedis = {
  evalsha: (hash: string, keys: string[], args: unknown[]) => Promise<unknown>;
  eval: (script: string, keys: string[], args: unknown[]) => Promise<unknown>;
  // Typed by the library as required; the single-region algorithms used here never call them.
  get: (key: string) => Promise<unknown>;
  set: (key: string, value: unknown) => Promise<unknown>;
};

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');

/** `#!lua flags=…` is a Redis 7 "shebang" stock servers refuse; the script body is the same without it. */
export function stripScriptFlags(script: string): string {
  return script.startsWith('#!lua') ? script.slice(script.indexOf('\n') + 1) : script;
}

/** @upstash/ratelimit's Redis interface over an ioredis client (STACK.md gotcha 2). */
export function ioredisFacade(client: Redis): EvalRedis {
  // library hash (SHA-1 of the script as shipped) → SHA-1 of the stripped script Redis actually knows
  const strippedSha = new Map<string, string>();
  return {
    async evalsha(hash, keys, args) {
      const sha = strippedSha.get(hash);
      // Never seen: make the library send the script itself (it retries with eval on a NOSCRIPT error).
      if (!sha) throw new Error('NOSCRIPT script not loaded through this facade yet');
      return client.evalsha(sha, keys.length, ...keys, ...(args as (string | number)[]));
    },
    async eval(script, keys, args) {
      const stripped = stripScriptFlags(script);
      const result = await client.eval(stripped, keys.length, ...keys, ...(args as (string | number)[]));
      strippedSha.set(sha1(script), sha1(stripped));
      return result;
    },
    get: (key) => client.get(key),
    set: (key, value) => client.set(key, String(value)),
  };
}

/**
 * Upstash's REST client, set up for a limiter whose caller keeps its own deadline: each call is abandoned after
 * `timeoutMs` and never retried (a retry would land after the caller has already decided the fail mode).
 */
export function upstashClient(url: string, token: string, timeoutMs: number): EvalRedis {
  const client = new UpstashRedis({ url, token, retry: { retries: 0 }, signal: () => AbortSignal.timeout(timeoutMs), enableTelemetry: false });
  return client as unknown as EvalRedis;
}

/** A store counting with @upstash/ratelimit's sliding window on any EvalRedis. */
export function ratelimitStore(kind: 'redis' | 'upstash', redis: EvalRedis, prefix: string, available: () => boolean): LimiterStore {
  const limiters = new Map<string, Ratelimit>();
  const limiterFor = (policy: RateLimitPolicy) => {
    let limiter = limiters.get(policy.name);
    if (!limiter) {
      limiter = new Ratelimit({
        redis: redis as unknown as ConstructorParameters<typeof Ratelimit>[0]['redis'],
        limiter: Ratelimit.slidingWindow(policy.limit, `${policy.windowS} s`),
        prefix: `${prefix}:rl:${policy.name}`,
        // The caller races its own deadline and picks the fail mode per policy; the library's timeout would
        // silently allow instead. No analytics and no in-memory block cache: Redis is the one source of truth.
        timeout: 0,
        analytics: false,
        ephemeralCache: false,
      });
      limiters.set(policy.name, limiter);
    }
    return limiter;
  };
  return {
    kind,
    available,
    async hit(policy, key) {
      const result = await limiterFor(policy).limit(key);
      return { allowed: result.success, limit: result.limit, remaining: result.remaining, resetAt: result.reset };
    },
    async peek(policy, key) {
      const result = await limiterFor(policy).getRemaining(key);
      return { allowed: result.remaining > 0, limit: policy.limit, remaining: result.remaining, resetAt: result.reset };
    },
    async release(policy, key) {
      // A negative rate is the library's refund: the sliding-window script skips the limit check and INCRBYs -1 on
      // the current window (same atomic script). Across a window boundary the refund lands in the new window,
      // which at worst hands back one unit early — never lets a burst through.
      await limiterFor(policy).limit(key, { rate: -1 });
    },
  };
}

const MEMORY_MAX_KEYS = 50_000;

/** Fixed-window counts in a Map, bounded so a flood of distinct keys cannot exhaust memory. */
export function memoryStore(): LimiterStore {
  const counts = new Map<string, { count: number; resetAt: number }>();
  const current = (policy: RateLimitPolicy, key: string, now: number) => {
    const entry = counts.get(`${policy.name}:${key}`);
    return entry && entry.resetAt > now ? entry : null;
  };
  const verdict = (policy: RateLimitPolicy, count: number, resetAt: number, allowed: boolean): Verdict => ({
    allowed,
    limit: policy.limit,
    remaining: Math.max(0, policy.limit - count),
    resetAt,
  });
  return {
    kind: 'memory',
    available: () => true,
    async hit(policy, key, now) {
      let entry = current(policy, key, now);
      if (!entry) {
        if (counts.size >= MEMORY_MAX_KEYS) {
          for (const [k, v] of counts) if (v.resetAt <= now) counts.delete(k);
          if (counts.size >= MEMORY_MAX_KEYS) counts.clear();
        }
        entry = { count: 0, resetAt: Math.floor(now / (policy.windowS * 1000) + 1) * policy.windowS * 1000 };
        counts.set(`${policy.name}:${key}`, entry);
      }
      entry.count += 1;
      return verdict(policy, entry.count, entry.resetAt, entry.count <= policy.limit);
    },
    async peek(policy, key, now) {
      const entry = current(policy, key, now);
      const count = entry?.count ?? 0;
      return verdict(policy, count, entry?.resetAt ?? now + policy.windowS * 1000, count < policy.limit);
    },
    async release(policy, key, now) {
      const entry = current(policy, key, now);
      if (entry && entry.count > 0) entry.count -= 1;
    },
  };
}
