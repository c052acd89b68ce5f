import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { discountCodes } from '@/db/schema';
import { createTestVariant } from '@/db/testing/fixtures';
import { actorFor, createPerson } from '@/lib/admin/testing/people';
import { addCartLine } from '@/lib/cart/service';
import { CODE_ATTEMPTS_MESSAGE, previewCheckoutWithinCodeLimit } from '@/lib/checkout/discount-preview';
import { RATE_LIMITS, setLimiterStoresForTesting } from '@/lib/rate-limit';
import { ioredisFacade, type LimiterStore, memoryStore, ratelimitStore } from '@/lib/rate-limit/store';
import { authenticateCredentials, changePassword, registerUser } from './service';
import { authenticateWithinLimits, withCurrentPasswordBudget, withSignInBudget, withTwoFactorCodeBudget } from './throttle';
import { confirmTotpEnrollment, disableTwoFactor, getTwoFactorStatus, startTotpEnrollment, verifySecondFactor } from './two-factor';

// Issue 14, finding 2: the sign-in limit was checked before the password hash and counted after it, so a burst
// from one address got every request past the check before the first failure was counted (49 wrong + 1 right: the
// right one was accepted; 120 accounts from one address: ~72 checked against a limit of 50). Each limit guarding a
// secret now reserves its unit atomically before the check. Proven here on a real Redis (the shared store) and on
// the in-process store (what runs without Redis, and the fallback when Redis is away), through the same functions
// the sign-in action and the checkout page call.

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test-throttle-${randomBytes(4).toString('hex')}`;
const PASSWORD = 'correct horse battery staple';

type Outcome = 'accepted' | 'refused' | 'throttled';

async function outcomeOf(work: Promise<unknown>): Promise<Outcome> {
  try {
    return (await work) ? 'accepted' : 'refused';
  } catch (error) {
    if ((error as { code?: string }).code === 'rate_limited') return 'throttled';
    throw error;
  }
}

const checked = (outcomes: Outcome[]) => outcomes.filter((o) => o !== 'throttled').length;
// A fresh address per test: budgets never carry over between tests or stores.
const freshIp = () => `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}-${randomBytes(3).toString('hex')}`;

const codeAt = (secret: string, timestamp: number) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp });

let redis: Redis;

beforeAll(() => {
  redis = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  setLimiterStoresForTesting(null);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await closeConnection();
});

const stores: [string, () => LimiterStore | null][] = [
  ['Redis (shared store)', () => ratelimitStore('redis', ioredisFacade(redis), prefix, () => redis.status === 'ready')],
  ['in-process store', () => null],
];

describe.each(stores)('limits guarding a secret hold under a concurrent burst — %s', (_name, shared) => {
  // A generous deadline: this is about atomicity under a burst, not the fail mode (drilled in
  // lib/rate-limit/rate-limit.integration.test.ts), which a slow run on PGlite would otherwise trigger.
  beforeAll(() => setLimiterStoresForTesting({ shared: shared(), local: memoryStore(), timeoutMs: 10_000 }));

  it('50 wrong passwords + the right one at once, one account and address: at most 5 checked, the right one refused', async () => {
    const email = `burst-${randomBytes(4).toString('hex')}@example.com`;
    await registerUser({ name: 'Victim', email, password: PASSWORD });
    const ip = freshIp();
    const attempts = Array.from({ length: 50 }, (_, i) => `wrong-guess-${i}`).concat(PASSWORD);
    const outcomes = await Promise.all(attempts.map((password) => outcomeOf(authenticateWithinLimits(email, password, ip))));
    expect(checked(outcomes)).toBeLessThanOrEqual(RATE_LIMITS.signInFailuresPerAccountIp.limit);
    expect(outcomes.at(-1)).toBe('throttled');
    expect(outcomes).not.toContain('accepted');
    // The owner at their own address is not locked out, and a right password costs nothing.
    const home = freshIp();
    for (let i = 0; i < 8; i += 1) expect(await outcomeOf(authenticateWithinLimits(email, PASSWORD, home))).toBe('accepted');
  });

  it('120 accounts at once from one address: at most 50 checked', async () => {
    const ip = freshIp();
    const outcomes = await Promise.all(
      Array.from({ length: 120 }, (_, i) => outcomeOf(authenticateWithinLimits(`spray-${i}-${randomBytes(3).toString('hex')}@example.com`, 'Winter2026!', ip))),
    );
    expect(checked(outcomes)).toBeLessThanOrEqual(RATE_LIMITS.signInFailuresPerIp.limit);
    expect(checked(outcomes)).toBeGreaterThan(0);
  });

  it('two-factor and recovery codes at sign-in: a burst of wrong codes gets at most 5 checked, the right code after them is refused', async () => {
    const person = await createPerson('staff');
    const secret = await startTotpEnrollment(person.id);
    const now = Date.now();
    const recovery = await confirmTotpEnrollment(actorFor(person), codeAt(secret, now), db, now);
    const ip = freshIp();
    // Wrong TOTP codes and made-up recovery codes, then a real recovery code — the code step's own composition.
    const codes = Array.from({ length: 15 }, (_, i) => String(100000 + i)).concat(Array.from({ length: 15 }, (_, i) => `zzzzz-${String(i).padStart(5, 'z')}`), recovery[0]!);
    const outcomes = await Promise.all(
      codes.map((code) => outcomeOf(withSignInBudget(`user:${person.id}`, ip, async () => ((await verifySecondFactor(person.id, code)) ? true : null)))),
    );
    expect(checked(outcomes)).toBeLessThanOrEqual(RATE_LIMITS.signInFailuresPerAccountIp.limit);
    expect(outcomes.at(-1)).toBe('throttled');
  });

  it('codes in the two-factor settings: a signed-in burst trying to switch two-factor off gets at most 10 codes checked', async () => {
    const person = await createPerson('staff');
    const secret = await startTotpEnrollment(person.id);
    const now = Date.now();
    const recovery = await confirmTotpEnrollment(actorFor(person), codeAt(secret, now), db, now);
    const staffActor = { ...actorFor(person), user: { ...actorFor(person).user, role: 'staff' as const } };
    const guesses = Array.from({ length: 40 }, (_, i) => String(200000 + i)).concat(recovery[1]!);
    const outcomes = await Promise.all(
      guesses.map((code) =>
        outcomeOf(withTwoFactorCodeBudget(person.id, () => disableTwoFactor(staffActor, code)).catch((error: unknown) => {
          if ((error as { code?: string }).code === 'validation_failed') return null;
          throw error;
        })),
      ),
    );
    expect(checked(outcomes)).toBeLessThanOrEqual(RATE_LIMITS.twoFactorCodeFailuresPerUser.limit);
    expect(outcomes.at(-1)).toBe('throttled');
    expect((await getTwoFactorStatus(person.id)).enabled).toBe(true);
  });

  it('the current-password check of a signed-in change is no faster an oracle than sign-in: at most 5 checked', async () => {
    const email = `oracle-${randomBytes(4).toString('hex')}@example.com`;
    await registerUser({ name: 'Oracle', email, password: PASSWORD });
    const user = (await authenticateCredentials(email, PASSWORD))!;
    const ip = freshIp();
    const guesses = Array.from({ length: 20 }, (_, i) => `guess-number-${i}`).concat(PASSWORD);
    const outcomes = await Promise.all(
      guesses.map((current) =>
        outcomeOf(
          withCurrentPasswordBudget(user.id, ip, () => changePassword(user.id, current, 'copper lantern meadow 47')).then(
            () => true,
            (error: unknown) => {
              if ((error as { code?: string }).code === 'validation_failed') return null;
              throw error;
            },
          ),
        ),
      ),
    );
    expect(checked(outcomes)).toBeLessThanOrEqual(RATE_LIMITS.signInFailuresPerAccountIp.limit);
    expect(outcomes.at(-1)).toBe('throttled');
  });

  it('discount codes in the checkout preview: a burst of wrong codes gets at most the limit looked up', async () => {
    const { variant } = await createTestVariant({ stock: 10, priceCents: 2000 });
    const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 1 });
    const good = `GOOD${randomBytes(3).toString('hex').toUpperCase()}`;
    await db.insert(discountCodes).values({ code: good, type: 'percentage', value: 10, currency: 'USD' });
    const ip = freshIp();
    const input = (code: string) => ({ countryCode: 'US', region: 'CA', shippingRateId: null, discountCode: code });
    // Good codes first: they cost nothing however many.
    for (let i = 0; i < 12; i += 1) expect((await previewCheckoutWithinCodeLimit({ token: newToken }, input(good), ip)).discountError).toBeNull();
    const guesses = Array.from({ length: 30 }, (_, i) => `GUESS${i}`).concat(good);
    const results = await Promise.all(guesses.map((code) => previewCheckoutWithinCodeLimit({ token: newToken }, input(code), ip)));
    const lookedUp = results.filter((r) => r.discountError !== CODE_ATTEMPTS_MESSAGE);
    expect(lookedUp.length).toBeLessThanOrEqual(RATE_LIMITS.discountCodeFailuresPerIp.limit);
    expect(results.at(-1)!.discountError).toBe(CODE_ATTEMPTS_MESSAGE);
    // Over the limit the page still has its cart and totals, without the code.
    expect(results.at(-1)!.preview?.cart.lines).toHaveLength(1);
  });
});
