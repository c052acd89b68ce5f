import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Redis from 'ioredis';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, getConnection } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { startTcpProxy, type TcpProxy } from '@/db/testing/tcp-proxy';
import { POST as addLineRoute } from '@/app/api/store/v1/carts/current/lines/route';
import { GET as getCartRoute } from '@/app/api/store/v1/carts/current/route';
import { registerUser } from '@/lib/auth/service';
import { authenticateWithinLimits } from '@/lib/auth/throttle';
import { checkReadiness } from '@/lib/health/service';
import { CLIENT_IP_HEADER } from '@/lib/server/client-ip';
import { installServerLayer } from '@/lib/server/install';
import { countAttempt, enforceRateLimit, LIMITER_TIMEOUT_MS, RATE_LIMITS, setLimiterStoresForTesting } from './.';
import type { RateLimitPolicy } from './policies';
import { ioredisFacade, memoryStore, ratelimitStore, stripScriptFlags } from './store';

// The limiter on a real Redis, and its fail mode drilled: Redis is cut off mid-run (a TCP proxy in front of the
// Redis in REDIS_URL drops every connection and refuses new ones, as a stopped server would), then made to hang,
// then brought back. While it is away: carts keep working (those limits fail open), sign-in stays limited (its
// limits fall back to the in-process counter), readiness says "degraded". When it returns, everything is back on
// Redis with the same client object — nothing restarted. The route handlers and auth service are the real ones;
// the test stands in only for the boot hook, by writing the client-address header the hook would write.

const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const prefix = `test-rl-${randomBytes(4).toString('hex')}`;
const noParams = { params: Promise.resolve({}) };

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!accept(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await probe();
  }
  return last;
}

function cartRequest(path: string, ip: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { [CLIENT_IP_HEADER]: ip };
  if (init.token) headers['x-cart-token'] = init.token;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return new NextRequest(new URL(path, 'http://store.test'), {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** One sign-in attempt through the password step the sign-in action uses (budget reserved, password checked). */
async function attemptSignIn(email: string, password: string, ip: string): Promise<'signed-in' | 'wrong-password' | 'throttled'> {
  try {
    return (await authenticateWithinLimits(email, password, ip)) ? 'signed-in' : 'wrong-password';
  } catch (error) {
    if ((error as { code?: string }).code === 'rate_limited') return 'throttled';
    throw error;
  }
}

describe('rate limiting on Redis, and its fail mode when Redis goes away', () => {
  let proxy: TcpProxy;
  let redis: Redis;
  let direct: Redis;

  beforeAll(async () => {
    installServerLayer({ trustedProxyHops: 0, door: null, shutdown: null });
    proxy = await startTcpProxy({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
    // The same client options as lib/redis/client.ts, pointed at the proxy.
    redis = new Redis({
      host: '127.0.0.1',
      port: proxy.port,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 1_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    redis.on('error', () => {});
    await redis.connect();
    direct = new Redis(redisUrl.toString());
    setLimiterStoresForTesting({
      shared: ratelimitStore('redis', ioredisFacade(redis), prefix, () => redis.status === 'ready'),
      local: memoryStore(),
    });
  });

  afterAll(async () => {
    setLimiterStoresForTesting(null);
    // Leave nothing behind in the shared Redis.
    const keys = await direct.keys(`${prefix}:*`);
    if (keys.length > 0) await direct.del(...keys);
    direct.disconnect();
    redis?.disconnect();
    await proxy?.close();
    await closeConnection();
  });

  it('counts in Redis with the flag-stripped scripts, shared by every instance (two stores, one budget)', async () => {
    const policy: RateLimitPolicy = { name: 'shared', limit: 3, windowS: 60, failMode: 'local' };
    // Two instances: separate limiter objects and facades, one Redis.
    const instanceA = ratelimitStore('redis', ioredisFacade(redis), prefix, () => true);
    const instanceB = ratelimitStore('redis', ioredisFacade(redis), prefix, () => true);
    expect(await instanceA.hit(policy, 'k', Date.now())).toMatchObject({ allowed: true, remaining: 2 });
    expect(await instanceB.hit(policy, 'k', Date.now())).toMatchObject({ allowed: true, remaining: 1 });
    expect(await instanceA.hit(policy, 'k', Date.now())).toMatchObject({ allowed: true, remaining: 0 });
    expect(await instanceB.hit(policy, 'k', Date.now())).toMatchObject({ allowed: false });
    expect(await instanceA.peek(policy, 'k', Date.now())).toMatchObject({ allowed: false, remaining: 0 });
    // Redis holds the stripped script under the SHA-1 the facade maps the library's hash to.
    const shipped = readFileSync('node_modules/@upstash/ratelimit/dist/index.js', 'utf8');
    const script = /var slidingWindowLimitScript = `([\s\S]*?)`;/.exec(shipped)![1]!;
    expect(script.startsWith('#!lua flags=')).toBe(true);
    const [exists] = (await direct.script('EXISTS', createHash('sha1').update(stripScriptFlags(script)).digest('hex'))) as number[];
    expect(exists).toBe(1);
  });

  it('brute force with Redis up: after 5 wrong passwords the account is throttled at that address, even with the right password', async () => {
    const email = `brute-up-${Date.now()}@example.com`;
    await registerUser({ name: 'Victim', email, password: 'correct horse battery' });
    for (let i = 0; i < 5; i += 1) expect(await attemptSignIn(email, `guess-${i}`, '198.51.100.10')).toBe('wrong-password');
    expect(await attemptSignIn(email, 'correct horse battery', '198.51.100.10')).toBe('throttled');
    // The owner, at their own address, is not locked out by the attacker.
    expect(await attemptSignIn(email, 'correct horse battery', '198.51.100.11')).toBe('signed-in');
  });

  it('drill: Redis stopped mid-run → shopping continues, sign-in still limited, readiness degraded; all normal after it returns', async () => {
    const { variant } = await createTestVariant({ stock: 50, priceCents: 1500 });
    const email = `brute-down-${Date.now()}@example.com`;
    await registerUser({ name: 'Victim', email, password: 'correct horse battery' });
    expect((await checkReadiness({ database: getConnection(), redis })).status).toBe('ready');

    await proxy.setMode('down');
    try {
      // Shopping: a new cart, a line added, the cart read back — through the real Store API handlers.
      const started = Date.now();
      const added = await addLineRoute(cartRequest('/api/store/v1/carts/current/lines', '198.51.100.20', { method: 'POST', body: { variantId: variant.id, quantity: 2 } }), noParams);
      expect(added.status).toBe(201);
      const { token } = (await added.json()) as { token: string };
      const cart = await getCartRoute(cartRequest('/api/store/v1/carts/current', '198.51.100.20', { token }), noParams);
      expect(cart.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(3_000);
      // Those limits were allowed without their store, on purpose.
      expect((await enforceRateLimit(RATE_LIMITS.addToCartPerClient, 'ip:198.51.100.20')).source).toBe('fail-open');
      expect((await enforceRateLimit(RATE_LIMITS.checkoutPerIp, '198.51.100.20')).source).toBe('fail-open');

      // Sign-in: not unlimited — the in-process counter takes over, and refuses the 6th try even with the password.
      for (let i = 0; i < 5; i += 1) expect(await attemptSignIn(email, `guess-${i}`, '198.51.100.30')).toBe('wrong-password');
      expect(await attemptSignIn(email, 'correct horse battery', '198.51.100.30')).toBe('throttled');
      expect((await countAttempt(RATE_LIMITS.registerPerIp, '198.51.100.30')).source).toBe('memory');

      const readiness = await checkReadiness({ database: getConnection(), redis, timeoutMs: 500 });
      expect(readiness.status).toBe('degraded');
      expect(readiness.checks.redis.status).toBe('down');
      expect(readiness.checks.database.status).toBe('up');
    } finally {
      await proxy.setMode('up');
    }

    // Recovery by itself: the same client reconnects, readiness is ready, limits count in Redis again.
    expect((await eventually(() => checkReadiness({ database: getConnection(), redis }), (r) => r.status === 'ready')).status).toBe('ready');
    const back = await eventually(() => countAttempt(RATE_LIMITS.registerPerIp, `198.51.100.40-${Date.now()}`), (o) => o.source === 'redis');
    expect(back.source).toBe('redis');
    const after = await addLineRoute(cartRequest('/api/store/v1/carts/current/lines', '198.51.100.20', { method: 'POST', body: { variantId: variant.id, quantity: 1 } }), noParams);
    expect(after.status).toBe(201);
  });

  it('a Redis that accepts connections but never answers costs each decision at most the limiter deadline', async () => {
    await proxy.setMode('hang');
    try {
      // The client first notices the dropped connection, then reconnects into the hang.
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const policy of [RATE_LIMITS.addToCartPerClient, RATE_LIMITS.signInFailuresPerIp]) {
        const started = performance.now();
        const outcome = await countAttempt(policy, 'hang-test');
        // The deadline plus scheduling slack on a busy machine; without the deadline this would hang until ioredis gives up.
        expect(performance.now() - started).toBeLessThan(LIMITER_TIMEOUT_MS + 150);
        expect(outcome.source).toBe(policy.failMode === 'open' ? 'fail-open' : 'memory');
      }
    } finally {
      await proxy.setMode('up');
    }
    await eventually(() => countAttempt(RATE_LIMITS.registerPerIp, `hang-back-${Date.now()}`), (o) => o.source === 'redis');
  });

  it('over the limit, a Store API route answers 429 with Retry-After and RateLimit-* headers', async () => {
    const { variant } = await createTestVariant({ stock: 500, priceCents: 500 });
    const ip = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    // One real add, then the rest of the budget spent directly (fast, so the sliding window cannot slide meanwhile).
    const first = await addLineRoute(cartRequest('/api/store/v1/carts/current/lines', ip, { method: 'POST', body: { variantId: variant.id, quantity: 1 } }), noParams);
    expect(first.status).toBe(201);
    await Promise.all(Array.from({ length: RATE_LIMITS.addToCartPerClient.limit - 1 }, () => countAttempt(RATE_LIMITS.addToCartPerClient, `ip:${ip}`)));
    const last = await addLineRoute(cartRequest('/api/store/v1/carts/current/lines', ip, { method: 'POST', body: { variantId: variant.id, quantity: 1 } }), noParams);
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last.headers.get('ratelimit-limit')).toBe(String(RATE_LIMITS.addToCartPerClient.limit));
    expect(last.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(last.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect(((await last.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  });
});
