import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';

// Adding to a cart has one budget per cart, whichever face asks: the product page's server action (cart named by the
// storefront's cookie) and the Store API (cart named by X-Cart-Token) count against the same key. Only the
// request-bound parts are stood in for: the request's headers and cookies (there is no HTTP request here).
const request = vi.hoisted(() => ({ ip: '192.0.2.1', cookies: new Map<string, { value: string }>() }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-storefront-client-ip': request.ip }),
  cookies: async () => ({
    get: (name: string) => request.cookies.get(name),
    set: (name: string, value: string) => request.cookies.set(name, { value }),
    delete: (name: string) => request.cookies.delete(name),
  }),
}));
vi.mock('next/cache', async (original) => ({ ...(await original<typeof import('next/cache')>()), refresh: () => {} }));

// Integration files share one module registry (vitest.config.ts: isolate false): a module an earlier file loaded
// would keep the real request headers. A fresh registry makes every module below see the stand-ins.
vi.resetModules();
const { closeConnection } = await import('@/db/client');
const { createTestVariant } = await import('@/db/testing/fixtures');
const { CLIENT_IP_HEADER } = await import('@/lib/server/client-ip');
const { installServerLayer } = await import('@/lib/server/install');
const { countAttempt, RATE_LIMITS } = await import('@/lib/rate-limit');
installServerLayer({ trustedProxyHops: 0, door: null, shutdown: null });
const { addToCartAction } = await import('./actions');
const { POST: addLineRoute } = await import('@/app/api/store/v1/carts/current/lines/route');

afterAll(() => closeConnection());

describe('add-to-cart limits', () => {
  it('the action and the Store API spend one budget for one cart, and another cart has its own', async () => {
    const { variant } = await createTestVariant({ stock: 500, priceCents: 500 });
    request.ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    request.cookies.clear();
    const form = new FormData();
    form.set('variantId', variant.id);
    form.set('quantity', '1');

    // The first add from the product page mints the cart and sets its cookie (counted per address: no cart yet).
    const first = await addToCartAction(null, form);
    expect(first).toMatchObject({ ok: true, message: expect.stringContaining('Added to your cart') });
    const token = request.cookies.get('sf_cart')!.value;

    // The rest of that cart's budget is spent through the Store API, naming the same cart by its header.
    const apiAdd = () =>
      addLineRoute(
        new NextRequest('http://store.test/api/store/v1/carts/current/lines', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-cart-token': token, [CLIENT_IP_HEADER]: '203.0.113.250' },
          body: JSON.stringify({ variantId: variant.id, quantity: 1 }),
        }),
        { params: Promise.resolve({}) },
      );
    expect((await apiAdd()).status).toBe(201);
    await Promise.all(Array.from({ length: RATE_LIMITS.addToCartPerClient.limit - 2 }, () => countAttempt(RATE_LIMITS.addToCartPerClient, `cart:${token}`)));
    expect((await apiAdd()).status).toBe(201);

    // Now both faces refuse that cart: the budget is one.
    expect((await apiAdd()).status).toBe(429);
    expect(await addToCartAction(null, form)).toMatchObject({ ok: false, code: 'rate_limited', values: { variantId: variant.id, quantity: '1' } });

    // A shopper at the same address with no cart yet is not held back by that cart's budget.
    request.cookies.clear();
    expect(await addToCartAction(null, form)).toMatchObject({ ok: true });
  });

  it('random well-formed cart tokens that name no cart share their address budget instead of minting 40 fresh ones', async () => {
    const { variant } = await createTestVariant({ stock: 500, priceCents: 500 });
    const ip = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
    const add = (token: string | null) =>
      addLineRoute(
        new NextRequest('http://store.test/api/store/v1/carts/current/lines', {
          method: 'POST',
          headers: { 'content-type': 'application/json', [CLIENT_IP_HEADER]: ip, ...(token ? { 'x-cart-token': token } : {}) },
          body: JSON.stringify({ variantId: variant.id, quantity: 1 }),
        }),
        { params: Promise.resolve({}) },
      );
    // A real cart made earlier from this address keeps a budget of its own.
    const real = (await (await add(null)).json()) as { token: string };
    // Leave exactly 40 units of the address budget.
    await Promise.all(Array.from({ length: RATE_LIMITS.addToCartPerClient.limit - 1 - 40 }, () => countAttempt(RATE_LIMITS.addToCartPerClient, `ip:${ip}`)));

    const randomToken = () => randomBytes(32).toString('base64url');
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) statuses.push((await add(randomToken())).status);
    expect(statuses.every((status) => status === 201)).toBe(true);
    // The 41st unknown token, and a request with no token, find the address budget spent.
    expect((await add(randomToken())).status).toBe(429);
    expect((await add(null)).status).toBe(429);
    // The shopper whose cart exists is not held back by the stranger at their address.
    expect((await add(real.token)).status).toBe(201);
  });
});
