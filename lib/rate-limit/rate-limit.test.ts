import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipSubject, resolveClientIp } from '@/lib/server/client-ip';
import { enforceRateLimit, RATE_LIMITS, rateLimitRejections, reserveAttempt, setLimiterStoresForTesting, withAttemptBudget } from './.';
import type { RateLimitPolicy } from './policies';
import { memoryStore, stripScriptFlags } from './store';

// The in-process store and the pure parts of the limiter. Redis and Upstash paths, and the fail modes, are proven
// against a real Redis in rate-limit.integration.test.ts.

const policy = (limit: number, failMode: RateLimitPolicy['failMode'] = 'local'): RateLimitPolicy => ({
  name: `test-${Math.random()}`,
  limit,
  windowS: 60,
  failMode,
});

describe('enforceRateLimit (in-process store: no Redis configured)', () => {
  beforeAll(() => setLimiterStoresForTesting({ shared: null, local: memoryStore() }));
  afterAll(() => setLimiterStoresForTesting(null));

  it('allows `limit` attempts per window, then answers 429 with Retry-After and RateLimit-* headers, and forgets after the window', async () => {
    const p = policy(3);
    const t0 = 1_800_000_000_000;
    const before = (await rateLimitRejections.get()).values.find((v) => v.labels.policy === p.name)?.value ?? 0;
    for (let i = 0; i < 3; i += 1) await enforceRateLimit(p, 'a@example.com', t0);
    const error = await enforceRateLimit(p, 'a@example.com', t0).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate_limited', status: 429 });
    const headers = (error as { headers: Record<string, string> }).headers;
    expect(Number(headers['retry-after'])).toBeGreaterThan(0);
    expect(headers['ratelimit-limit']).toBe('3');
    expect(headers['ratelimit-remaining']).toBe('0');
    expect(Number(headers['ratelimit-reset'])).toBe(Number(headers['retry-after']));
    const after = (await rateLimitRejections.get()).values.find((v) => v.labels.policy === p.name)?.value ?? 0;
    expect(after - before).toBe(1);
    // Other subjects are counted separately; the next window starts from zero.
    await enforceRateLimit(p, 'b@example.com', t0);
    await enforceRateLimit(p, 'a@example.com', t0 + 61_000);
  });

  it('a failures-only budget: reserved before the check, given back on success, kept on failure', async () => {
    const p = policy(2);
    // Successes cost nothing, however many.
    for (let i = 0; i < 5; i += 1) expect(await withAttemptBudget([[p, 'x']], async () => 'right')).toBe('right');
    expect(await withAttemptBudget([[p, 'x']], async () => null)).toBeNull();
    expect(await withAttemptBudget([[p, 'x']], async () => null)).toBeNull();
    // Two failures spent the budget: the next check does not even run.
    let ran = false;
    await expect(withAttemptBudget([[p, 'x']], async () => { ran = true; return 'right'; })).rejects.toMatchObject({ code: 'rate_limited' });
    expect(ran).toBe(false);
  });

  it('refusing on a later policy gives back the units an earlier one took', async () => {
    const wide = policy(10);
    const narrow = policy(1);
    await reserveAttempt([[wide, 'a'], [narrow, 'a']]);
    for (let i = 0; i < 3; i += 1) await expect(reserveAttempt([[wide, 'a'], [narrow, 'a']])).rejects.toMatchObject({ code: 'rate_limited' });
    // Only the first reservation holds a unit of `wide`: 9 left.
    for (let i = 0; i < 9; i += 1) await reserveAttempt([[wide, 'a']]);
    await expect(reserveAttempt([[wide, 'a']])).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('treats case and Unicode variants of one email as the same subject (limit evasion by re-spelling)', async () => {
    const p = policy(1);
    const t0 = 1_800_000_000_000;
    await enforceRateLimit(p, 'victim@example.com', t0);
    await expect(enforceRateLimit(p, 'VICTIM@EXAMPLE.COM', t0)).rejects.toMatchObject({ code: 'rate_limited' });
    await expect(enforceRateLimit(p, 'ｖｉｃｔｉｍ@example.com', t0)).rejects.toMatchObject({ code: 'rate_limited' });
  });
});

describe('the policy table', () => {
  it('gives sign-in 5 failures per account and address in 15 minutes, and falls back locally when Redis is down', () => {
    expect(RATE_LIMITS.signInFailuresPerAccountIp).toMatchObject({ limit: 5, windowS: 900, failMode: 'local' });
    for (const name of ['signInFailuresPerIp', 'registerPerIp', 'resetPerEmail', 'resetPerIp'] as const) {
      expect(RATE_LIMITS[name].failMode).toBe('local');
    }
    for (const name of ['addToCartPerClient', 'checkoutPerIp', 'discountCodePerIp', 'storeApiPerIp'] as const) {
      expect(RATE_LIMITS[name].failMode).toBe('open');
    }
    const names = Object.values(RATE_LIMITS).map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('RATE_LIMIT_OVERRIDES', () => {
  async function limiterWith(overrides: string) {
    vi.resetModules();
    vi.stubEnv('RATE_LIMIT_OVERRIDES', overrides);
    try {
      const limiter = await import('./.');
      const { memoryStore: freshMemoryStore } = await import('./store');
      limiter.setLimiterStoresForTesting({ shared: null, local: freshMemoryStore() });
      return limiter;
    } finally {
      vi.unstubAllEnvs();
    }
  }

  it('gives a named policy another limit and leaves the others as declared', async () => {
    const limiter = await limiterWith('register-ip=3, reset-ip=40');
    const t0 = 1_800_000_000_000;
    for (let i = 0; i < 3; i += 1) await limiter.enforceRateLimit(limiter.RATE_LIMITS.registerPerIp, '198.51.100.1', t0);
    const error = await limiter.enforceRateLimit(limiter.RATE_LIMITS.registerPerIp, '198.51.100.1', t0).catch((e: unknown) => e);
    expect((error as { headers: Record<string, string> }).headers['ratelimit-limit']).toBe('3');
    // Not overridden: order lookup keeps its 30.
    const lookup = await limiter.enforceRateLimit(limiter.RATE_LIMITS.orderLookupPerIp, '198.51.100.1', t0);
    expect(lookup.limit).toBe(30);
    limiter.setLimiterStoresForTesting(null);
    expect(() => limiter.assertRateLimitOverrides()).not.toThrow();
  });

  it('refuses a policy name that does not exist at boot, and a limit that is not a whole number when the environment is read', async () => {
    const typo = await limiterWith('registr-ip=100');
    expect(() => typo.assertRateLimitOverrides()).toThrow(/registr-ip/);
    typo.setLimiterStoresForTesting(null);
    await expect(limiterWith('register-ip=lots')).rejects.toThrow(/policy-name=limit/);
  });
});

describe('client address (rate-limit key spoofing)', () => {
  it('with no trusted proxy, ignores X-Forwarded-For entirely and uses the TCP peer', () => {
    expect(resolveClientIp('203.0.113.9', '6.6.6.6', 0)).toBe('203.0.113.9');
    expect(resolveClientIp('::ffff:203.0.113.9', undefined, 0)).toBe('203.0.113.9');
    expect(resolveClientIp(undefined, '6.6.6.6', 0)).toBe('unknown');
  });

  it('with one trusted proxy, believes only the address that proxy appended', () => {
    // The client wrote "6.6.6.6"; the load balancer appended the peer it saw.
    expect(resolveClientIp('10.0.0.2', '6.6.6.6, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(resolveClientIp('10.0.0.2', ['6.6.6.6', '198.51.100.7'], 1)).toBe('198.51.100.7');
    expect(resolveClientIp('10.0.0.3', '6.6.6.6, 198.51.100.7, 10.0.0.9', 2)).toBe('198.51.100.7');
    // Garbage in the trusted position falls back to the peer rather than becoming a free-form key.
    expect(resolveClientIp('10.0.0.2', 'not-an-ip', 1)).toBe('10.0.0.2');
    expect(resolveClientIp('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
  });

  it('keys IPv6 clients by their /64, so rotating addresses inside one allocation does not reset a limit', () => {
    expect(ipSubject('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(ipSubject('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:0db8:0001:0002::/64');
    expect(ipSubject('203.0.113.9')).toBe('203.0.113.9');
  });
});

describe('the ioredis facade', () => {
  it('strips the Redis 7 flags line stock servers reject, and nothing else', () => {
    expect(stripScriptFlags('#!lua flags=allow-key-locking\n  local key = KEYS[1]\n')).toBe('  local key = KEYS[1]\n');
    expect(stripScriptFlags('local key = KEYS[1]')).toBe('local key = KEYS[1]');
  });
});
