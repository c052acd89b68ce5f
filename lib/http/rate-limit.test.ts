import { describe, expect, it, vi } from 'vitest';

// The in-process counter is under test here, whether or not the environment configures Redis.
vi.mock('@/lib/redis/client', () => ({ getRedis: () => null }));

const { assertUnderLimit, clientIp, countAttempt, enforceRateLimit } = await import('./rate-limit');

describe('enforceRateLimit (in-memory, no REDIS_URL)', () => {
  it('allows `limit` attempts per window, then answers 429 with Retry-After, and forgets after the window', async () => {
    const policy = { name: `test-${Math.random()}`, limit: 3, windowS: 60 };
    const t0 = 1_800_000_000_000;
    for (let i = 0; i < 3; i += 1) await enforceRateLimit(policy, 'a@example.com', t0);
    const error = await enforceRateLimit(policy, 'a@example.com', t0).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(Number((error as { headers: Record<string, string> }).headers['retry-after'])).toBeGreaterThan(0);
    // Other subjects are counted separately; the next window starts from zero.
    await enforceRateLimit(policy, 'b@example.com', t0);
    await enforceRateLimit(policy, 'a@example.com', t0 + 61_000);
  });

  it('checks a failures-only budget without spending it', async () => {
    const policy = { name: `fail-${Math.random()}`, limit: 2, windowS: 60 };
    const t0 = 1_800_000_000_000;
    await assertUnderLimit(policy, 'x', t0);
    await assertUnderLimit(policy, 'x', t0);
    await countAttempt(policy, 'x', t0);
    await assertUnderLimit(policy, 'x', t0);
    await countAttempt(policy, 'x', t0);
    await expect(assertUnderLimit(policy, 'x', t0)).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('takes the client address from the last forwarded hop', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientIp(new Headers({ 'x-real-ip': '198.51.100.2' }))).toBe('198.51.100.2');
    expect(clientIp(new Headers())).toBe('unknown');
  });
});
