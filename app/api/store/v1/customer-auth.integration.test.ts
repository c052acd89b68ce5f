import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { apiSessions, users } from '@/db/schema';
import { setUpApiTestServer } from '@/db/testing/api-harness';
import { createTestVariant } from '@/db/testing/fixtures';
import { ACCESS_TOKEN_TTL_S, createApiSession } from '@/lib/auth/api-tokens';
import { changePassword, registerUser } from '@/lib/auth/service';
import { countAttempt, RATE_LIMITS } from '@/lib/rate-limit';
import { CLIENT_IP_HEADER } from '@/lib/server/client-ip';
import { listShippingOptions } from '@/lib/checkout/service';
import { dispatch, STORE_API_BASE } from './store-fetch.testing';

// The Store API's customer sign-in, tried as an outsider would: races on one refresh token, one customer's token
// against another's data, stale and forged tokens, origins and preflights not on the list, and bodies no UI sends.
// Requests go to the real route handlers (./store-fetch.testing.ts) on a real database.

const LISTED = 'https://headless.example';
let ipCounter = 0;
const freshIp = () => `192.0.2.${(ipCounter = (ipCounter % 250) + 1)}`;

type Init = { method?: string; body?: unknown; bearer?: string; headers?: Record<string, string>; ip?: string };
async function call(path: string, init: Init = {}): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { [CLIENT_IP_HEADER]: init.ip ?? freshIp(), ...init.headers };
  if (init.bearer !== undefined) headers.authorization = `Bearer ${init.bearer}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await dispatch(new Request(`${STORE_API_BASE}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const password = () => `Outsider test ${randomBytes(6).toString('hex')} phrase`;

async function customer() {
  const email = `outsider-${randomBytes(5).toString('hex')}@example.com`;
  const secret = password();
  const created = (await registerUser({ name: 'Outsider', email, password: secret }))!;
  const signedIn = await call('/auth/token', { method: 'POST', body: { email, password: secret } });
  expect(signedIn.status).toBe(200);
  return { ...created, email, password: secret, tokens: signedIn.body as { accessToken: string; refreshToken: string } };
}

const address = { name: 'Ada Owner', line1: '1 Private Lane', city: 'Austin', region: 'TX', postalCode: '73301', countryCode: 'US' };

setUpApiTestServer();

describe('refresh tokens', () => {
  it('of eight concurrent refreshes with one token exactly one wins; the reuse then ends the whole sign-in', async () => {
    const { tokens } = await customer();
    const answers = await Promise.all(Array.from({ length: 8 }, () => call('/auth/refresh', { method: 'POST', body: { refreshToken: tokens.refreshToken } })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401, 401, 401, 401, 401, 401, 401]);
    const winner = answers.find((answer) => answer.status === 200)!.body as { accessToken: string; refreshToken: string };
    // Seven presentations of a spent token: someone else holds it, so the sign-in is revoked (RFC 9700 §4.14.2),
    // the winner's fresh tokens included, and the original access token with them.
    expect((await call('/customers/me', { bearer: winner.accessToken })).status).toBe(401);
    expect((await call('/auth/refresh', { method: 'POST', body: { refreshToken: winner.refreshToken } })).status).toBe(401);
    expect((await call('/customers/me', { bearer: tokens.accessToken })).status).toBe(401);
  });

  it('a rotated refresh token presented later revokes the sign-in; another sign-in of the same customer stands', async () => {
    const first = await customer();
    const second = (await call('/auth/token', { method: 'POST', body: { email: first.email, password: first.password } })).body as { accessToken: string };
    const rotated = await call('/auth/refresh', { method: 'POST', body: { refreshToken: first.tokens.refreshToken } });
    expect(rotated.status).toBe(200);
    expect((await call('/customers/me', { bearer: (rotated.body as { accessToken: string }).accessToken })).status).toBe(200);
    // The stolen copy is replayed.
    const replay = await call('/auth/refresh', { method: 'POST', body: { refreshToken: first.tokens.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.headers.get('www-authenticate')).toContain('invalid_grant');
    expect((await call('/customers/me', { bearer: (rotated.body as { accessToken: string }).accessToken })).status).toBe(401);
    const [session] = await db.select({ reason: apiSessions.revokedReason }).from(apiSessions).where(eq(apiSessions.userId, first.userId)).orderBy(apiSessions.createdAt).limit(1);
    expect(session!.reason).toBe('refresh_reuse');
    expect((await call('/customers/me', { bearer: second.accessToken })).status).toBe(200);
  });

  it('a password change ends every API sign-in (access and refresh tokens)', async () => {
    const { userId, password: secret, tokens } = await customer();
    await changePassword(userId, secret, password());
    expect((await call('/customers/me', { bearer: tokens.accessToken })).status).toBe(401);
    expect((await call('/auth/refresh', { method: 'POST', body: { refreshToken: tokens.refreshToken } })).status).toBe(401);
  });

  it('a disabled account is refused at once', async () => {
    const { userId, tokens } = await customer();
    await db.update(users).set({ status: 'disabled' }).where(eq(users.id, userId));
    expect((await call('/customers/me', { bearer: tokens.accessToken })).status).toBe(401);
    expect((await call('/auth/refresh', { method: 'POST', body: { refreshToken: tokens.refreshToken } })).status).toBe(401);
  });
});

describe('access tokens', () => {
  it('an expired, a forged, a truncated or a malformed token is 401 — never read as a guest', async () => {
    const { userId, tokens } = await customer();
    const [row] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
    const stale = await createApiSession({ id: userId, sessionVersion: row!.sessionVersion }, db, Date.now() - (ACCESS_TOKEN_TTL_S + 1) * 1000);
    const [payload, signature] = tokens.accessToken.slice(4).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forged = `sfa_${Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) + 86_400 })).toString('base64url')}.${signature}`;
    for (const bad of [stale.accessToken, forged, tokens.accessToken.slice(0, -2), 'not-a-token', '', tokens.refreshToken]) {
      const answer = await call('/customers/me', { bearer: bad });
      expect(answer.status, bad).toBe(401);
      // A cart read with a bad token is refused too, rather than answered as an anonymous guest.
      expect((await call('/carts/current', { bearer: bad })).status).toBe(401);
    }
    expect((await call('/customers/me', { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } })).status).toBe(401);
    expect((await call('/customers/me')).status).toBe(401);
    expect((await call('/customers/me', { bearer: tokens.accessToken })).status).toBe(200);
  });
});

describe("one customer's token against another's data", () => {
  it('addresses and orders of someone else are 404, and nothing of theirs changes', async () => {
    const owner = await customer();
    const stranger = await customer();
    const created = await call('/customers/me/addresses', { method: 'POST', bearer: owner.tokens.accessToken, body: address });
    expect(created.status).toBe(201);
    const addressId = (created.body.address as { id: string }).id;

    const { variant } = await createTestVariant({ stock: 3, priceCents: 1200 });
    expect((await call('/carts/current/lines', { method: 'POST', bearer: owner.tokens.accessToken, body: { variantId: variant.id, quantity: 1 } })).status).toBe(201);
    const rate = (await listShippingOptions('US', 'USD'))[0]!;
    const placed = await call('/checkout', {
      method: 'POST',
      bearer: owner.tokens.accessToken,
      headers: { 'idempotency-key': randomUUID() },
      body: { email: owner.email, shippingAddress: address, shippingRateId: rate.id },
    });
    expect(placed.status).toBe(201);
    const number = (placed.body.order as { number: string }).number;

    const bearer = stranger.tokens.accessToken;
    expect((await call(`/customers/me/addresses/${addressId}`, { bearer })).status).toBe(404);
    expect((await call(`/customers/me/addresses/${addressId}`, { method: 'PUT', bearer, body: { ...address, name: 'Mallory' } })).status).toBe(404);
    expect((await call(`/customers/me/addresses/${addressId}`, { method: 'DELETE', bearer })).status).toBe(404);
    expect((await call(`/customers/me/orders/${number}`, { bearer })).status).toBe(404);
    expect((await call(`/orders/${number}`, { bearer })).status).toBe(404);
    expect(((await call('/customers/me/orders', { bearer })).body.data as unknown[]).length).toBe(0);
    expect(((await call('/customers/me/addresses', { bearer })).body.data as unknown[]).length).toBe(0);

    const mine = await call(`/customers/me/addresses/${addressId}`, { bearer: owner.tokens.accessToken });
    expect(mine.body.address).toMatchObject({ name: address.name });
    expect((await call(`/customers/me/orders/${number}`, { bearer: owner.tokens.accessToken })).status).toBe(200);
  });
});

describe('cart claims', () => {
  it('signing in with a guest cart token moves its lines to the customer; the guest token is dead; a token sent with a bearer is not read', async () => {
    const { variant } = await createTestVariant({ stock: 5, priceCents: 900 });
    const guest = await call('/carts/current/lines', { method: 'POST', body: { variantId: variant.id, quantity: 2 } });
    const guestToken = guest.body.token as string;
    const email = `claim-${randomBytes(4).toString('hex')}@example.com`;
    const secret = password();
    await registerUser({ name: 'Claimer', email, password: secret });
    const signedIn = await call('/auth/token', { method: 'POST', headers: { 'x-cart-token': guestToken }, body: { email, password: secret } });
    const bearer = (signedIn.body as { accessToken: string }).accessToken;
    const cart = await call('/carts/current', { bearer });
    expect((cart.body.cart as { lines: { variantId: string; quantity: number }[] }).lines).toEqual([expect.objectContaining({ variantId: variant.id, quantity: 2 })]);
    expect((await call('/carts/current', { headers: { 'x-cart-token': guestToken } })).status).toBe(404);

    // Someone else's guest token sent beside this customer's bearer token changes nothing of that guest cart.
    const other = await call('/carts/current/lines', { method: 'POST', body: { variantId: variant.id, quantity: 1 } });
    const otherToken = other.body.token as string;
    expect((await call('/carts/current/lines', { method: 'POST', bearer, headers: { 'x-cart-token': otherToken }, body: { variantId: variant.id, quantity: 1 } })).status).toBe(201);
    const untouched = await call('/carts/current', { headers: { 'x-cart-token': otherToken } });
    expect((untouched.body.cart as { lines: { quantity: number }[] }).lines.map((line) => line.quantity)).toEqual([1]);
    expect(((await call('/carts/current', { bearer })).body.cart as { lines: { quantity: number }[] }).lines.map((line) => line.quantity)).toEqual([3]);
  });
});

describe('sign-in throttling, as on the storefront', () => {
  it('after 5 wrong passwords for an account from one address even the right one is refused (429)', async () => {
    const target = await customer();
    const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await call('/auth/token', { method: 'POST', ip, body: { email: target.email, password: 'wrong password here' } })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const locked = await call('/auth/token', { method: 'POST', ip, body: { email: target.email, password: target.password } });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('CORS', () => {
  it('answers a preflight from a listed origin with the grant, and refuses other origins, methods and headers with no CORS headers', async () => {
    const preflight = (origin: string, method: string, requestHeaders = 'authorization,content-type') =>
      dispatch(
        new Request(`${STORE_API_BASE}/customers/me/addresses`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': requestHeaders },
        }),
      );
    const granted = await preflight(LISTED, 'POST');
    expect(granted.status).toBe(204);
    expect(granted.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(granted.headers.get('access-control-allow-credentials')).toBe('true');
    expect(granted.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(granted.headers.get('access-control-allow-headers')).toContain('idempotency-key');

    for (const refused of [await preflight('https://evil.example', 'POST'), await preflight(LISTED, 'PROPFIND'), await preflight(LISTED, 'TRACE'), await preflight(LISTED, 'POST', 'x-forwarded-for')]) {
      expect(refused.status).toBe(403);
      expect([...refused.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('shares answers with a listed origin only; a write from an unlisted origin is refused and changes nothing', async () => {
    const { variant } = await createTestVariant({ stock: 5 });
    const listed = await call('/categories', { headers: { origin: LISTED } });
    expect(listed.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(listed.headers.get('vary')).toContain('Origin');
    const other = await call('/categories', { headers: { origin: 'https://evil.example' } });
    expect(other.status).toBe(200);
    expect([...other.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);

    const write = await call('/carts/current/lines', { method: 'POST', headers: { origin: 'https://evil.example' }, body: { variantId: variant.id, quantity: 1 } });
    expect(write.status).toBe(403);
    expect(write.headers.get('access-control-allow-origin')).toBeNull();
    expect(write.body.token).toBeUndefined();
    // A look-alike of the listed origin is another origin.
    for (const lookalike of ['https://headless.example.evil.test', 'http://headless.example', 'https://headless.example:8443']) {
      expect((await call('/carts', { method: 'POST', headers: { origin: lookalike } })).status).toBe(403);
    }
    // The listed origin may write; refusals it gets are readable by its script (CORS on errors too).
    expect((await call('/carts', { method: 'POST', headers: { origin: LISTED } })).status).toBe(201);
    const refusal = await call('/customers/me', { headers: { origin: LISTED } });
    expect(refusal.status).toBe(401);
    expect(refusal.headers.get('access-control-allow-origin')).toBe(LISTED);
  });
});

describe('bodies the UI never sends', () => {
  it('registration ignores a role, refuses an oversized or weak password, and answers an existing address like a new one', async () => {
    const email = `role-${randomBytes(4).toString('hex')}@example.com`;
    const secret = password();
    expect((await call('/auth/register', { method: 'POST', body: { email, password: secret, name: 'X', role: 'admin', status: 'active' } })).status).toBe(202);
    const [row] = await db.select({ role: users.role }).from(users).where(eq(users.email, email));
    expect(row!.role).toBe('customer');
    const again = await call('/auth/register', { method: 'POST', body: { email, password: password(), name: 'Y' } });
    expect(again.status).toBe(202);
    expect(again.body).toEqual((await call('/auth/register', { method: 'POST', body: { email: `new-${email}`, password: password() } })).body);
    expect((await call('/auth/register', { method: 'POST', body: { email: `a${email}`, password: 'x'.repeat(5000) } })).status).toBe(422);
    expect((await call('/auth/register', { method: 'POST', body: { email: `b${email}`, password: 'password123' } })).status).toBe(422);
  });

  it('sign-in, refresh and address bodies of the wrong shape are 422, not 500', async () => {
    const { tokens } = await customer();
    for (const body of [{}, { email: ['a@b.c'], password: 'x' }, { email: 'a@b.c', password: 'p'.repeat(5000) }, { email: 'a@b.c', password: 'x', code: { $gt: '' } }]) {
      expect((await call('/auth/token', { method: 'POST', body })).status, JSON.stringify(body).slice(0, 80)).toBe(422);
    }
    for (const body of [{}, { refreshToken: 42 }, { refreshToken: 'x'.repeat(300) }]) {
      expect((await call('/auth/refresh', { method: 'POST', body })).status).toBe(422);
    }
    expect((await call('/auth/refresh', { method: 'POST', body: { refreshToken: `sfr_${randomBytes(32).toString('base64url')}` } })).status).toBe(401);
    const bearer = tokens.accessToken;
    for (const body of [{ ...address, countryCode: 'ZZZ' }, { ...address, region: 'XX' }, { ...address, name: 'n'.repeat(500) }, { ...address, makeDefault: 'yes' }, []]) {
      expect((await call('/customers/me/addresses', { method: 'POST', bearer, body })).status, JSON.stringify(body).slice(0, 80)).toBe(422);
    }
    // Fields the address book does not have are dropped: an owner id in the body is not whose address it is.
    const other = await customer();
    const created = await call('/customers/me/addresses', { method: 'POST', bearer, body: { ...address, userId: other.userId, id: randomUUID() } });
    expect(created.status).toBe(201);
    expect(((await call('/customers/me/addresses', { bearer: other.tokens.accessToken })).body.data as unknown[]).length).toBe(0);
    expect((await call('/customers/me/orders?per_page=1000', { bearer })).status).toBe(422);
    expect((await call('/customers/me/orders?page=-1', { bearer })).status).toBe(422);
    expect((await call('/customers/me/addresses/not-a-uuid', { bearer })).status).toBe(422);
  });

  it('preview and shipping options refuse what the checkout page never sends', async () => {
    const { variant } = await createTestVariant({ stock: 3, priceCents: 1000 });
    const added = await call('/carts/current/lines', { method: 'POST', body: { variantId: variant.id, quantity: 1 } });
    const token = added.body.token as string;
    const headers = { 'x-cart-token': token };
    expect((await call('/checkout/preview', { method: 'POST', headers, body: { countryCode: 'US', totalCents: 1 } })).body).not.toHaveProperty('preview.totals.totalCents', 1);
    expect((await call('/checkout/preview', { method: 'POST', headers, body: { countryCode: 'KP' } })).status).toBe(422);
    expect((await call('/checkout/preview', { method: 'POST', headers, body: { countryCode: 'US', discountCode: ['A', 'B'] } })).status).toBe(422);
    expect((await call('/checkout/preview', { method: 'POST', headers, body: { countryCode: 'US', shippingRateId: 'cheapest' } })).status).toBe(422);
    expect((await call('/carts/current/shipping-options?countryCode=United%20States', { headers })).status).toBe(422);
    expect((await call('/carts/current/shipping-options?countryCode=US', { headers: { 'x-cart-token': randomBytes(32).toString('base64url') } })).status).toBe(404);
    const unknownRate = await call('/checkout/preview', { method: 'POST', headers, body: { countryCode: 'US', shippingRateId: randomUUID() } });
    // An unknown rate prices with the first rate for the destination, as the checkout page does.
    expect(unknownRate.status).toBe(200);
  });
});

describe('publishable keys', () => {
  it('attribute requests to their storefront: its own ceiling per address; an unknown key is refused', async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    const key = { 'x-publishable-key': 'pk_test_headless_storefront' };
    // A keyless client at this address used up the address's Store API ceiling.
    await Promise.all(Array.from({ length: RATE_LIMITS.storeApiPerIp.limit }, () => countAttempt(RATE_LIMITS.storeApiPerIp, ip)));
    expect((await call('/categories', { ip })).status).toBe(429);
    // The storefront's shoppers at the same address are counted apart.
    expect((await call('/categories', { ip, headers: key })).status).toBe(200);
    await Promise.all(Array.from({ length: RATE_LIMITS.storeApiPerIp.limit }, () => countAttempt(RATE_LIMITS.storeApiPerIp, `storefront:headless|${ip}`)));
    expect((await call('/categories', { ip, headers: key })).status).toBe(429);

    const unknown = await call('/categories', { headers: { 'x-publishable-key': 'pk_not_configured_anywhere' } });
    expect(unknown.status).toBe(401);
  });
});
