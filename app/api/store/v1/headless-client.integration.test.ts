import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { orders } from '@/db/schema';
import { setUpApiTestServer } from '@/db/testing/api-harness';
import { createTestVariant } from '@/db/testing/fixtures';
import type { paths } from '@/lib/api/clients/store-api';
import { browserFetch, STORE_API_BASE } from './store-fetch.testing';

// A separate storefront on https://headless.example (allow-listed in STORE_API_CORS_ORIGINS for the tests) runs a
// whole checkout through nothing but a client generated from the published OpenAPI document by openapi-typescript,
// called with openapi-fetch. Its fetch behaves as a browser on that origin would (preflights, CORS grants): see
// ./store-fetch.testing.ts. Only the product on sale is made directly in the database; everything else is the API.

const ORIGIN = 'https://headless.example';
const address = { name: 'Hedy Headless', line1: '1 Decoupled Way', city: 'Austin', region: 'TX', postalCode: '73301', countryCode: 'US' };

function storeClient() {
  return createClient<paths>({ baseUrl: STORE_API_BASE, fetch: browserFetch, headers: { origin: ORIGIN } });
}

setUpApiTestServer();

describe('a headless storefront on another origin, through the generated client only', () => {
  it('checks out as a guest: cart → shipping options → preview → place → the order', async () => {
    const { variant } = await createTestVariant({ stock: 5, priceCents: 3100 });
    const api = storeClient();

    const added = await api.POST('/carts/current/lines', { body: { variantId: variant.id, quantity: 2 } });
    expect(added.response.status).toBe(201);
    const cartToken = added.data!.token!;
    expect(cartToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cartHeaders = { 'X-Cart-Token': cartToken };

    const options = await api.GET('/carts/current/shipping-options', { params: { header: cartHeaders, query: { countryCode: 'US', region: 'TX', postalCode: '73301' } } });
    expect(options.response.status).toBe(200);
    expect(options.data!.shippingOptions.length).toBeGreaterThan(0);
    const rate = options.data!.shippingOptions[0]!;
    expect(rate).toMatchObject({ currency: 'USD', priceCents: expect.any(Number) });

    const preview = await api.POST('/checkout/preview', {
      params: { header: cartHeaders },
      body: { countryCode: 'US', region: 'TX', postalCode: '73301', shippingRateId: rate.id },
    });
    expect(preview.response.status).toBe(200);
    const totals = preview.data!.preview.totals;
    expect(totals.subtotalCents).toBe(6200);
    expect(totals.totalCents).toBe(totals.subtotalCents - totals.discountCents + totals.shippingCents + (totals.taxInclusive ? 0 : totals.taxCents));
    expect(preview.data!.preview.allocations).toEqual([expect.objectContaining({ variantId: variant.id, quantity: 2, subtotalCents: 6200 })]);

    const email = `guest-${randomBytes(4).toString('hex')}@example.com`;
    // A language the store has not got is refused; the shopper's own (French) is the order's, for its emails.
    const unknown = await api.POST('/checkout', {
      params: { header: { ...cartHeaders, 'Idempotency-Key': randomUUID() } },
      body: { email, shippingAddress: address, shippingRateId: rate.id, locale: 'es' as never },
    });
    expect(unknown.response.status).toBe(422);
    const placed = await api.POST('/checkout', {
      params: { header: { ...cartHeaders, 'Idempotency-Key': randomUUID() } },
      body: { email, shippingAddress: address, shippingRateId: rate.id, locale: 'fr' },
    });
    expect(placed.response.status).toBe(201);
    const [stored] = await db.select({ locale: orders.locale }).from(orders).where(eq(orders.number, placed.data!.order.number));
    expect(stored!.locale).toBe('fr');
    // The preview and the order cannot disagree: one arithmetic, the same prices.
    expect(placed.data!.order.totalCents).toBe(totals.totalCents);

    const order = await api.GET('/orders/{number}', { params: { path: { number: placed.data!.order.number }, header: { 'X-Order-Email': email } } });
    expect(order.response.status).toBe(200);
    expect(order.data!.order).toMatchObject({ number: placed.data!.order.number, totalCents: totals.totalCents });
  });

  it('checks out as a customer: register → sign in → address → cart → options → preview → place → orders → refresh → sign out', async () => {
    const { variant } = await createTestVariant({ stock: 5, priceCents: 4500 });
    const api = storeClient();
    const email = `headless-${randomBytes(4).toString('hex')}@example.com`;
    const password = `Decoupled checkout ${randomBytes(4).toString('hex')} rocks`;

    const registered = await api.POST('/auth/register', { body: { name: 'Hedy Headless', email, password } });
    expect(registered.response.status).toBe(202);

    const signedIn = await api.POST('/auth/token', { body: { email, password } });
    expect(signedIn.response.status).toBe(200);
    let tokens = signedIn.data!;
    expect(tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const auth = () => ({ Authorization: `Bearer ${tokens.accessToken}` });

    const me = await api.GET('/customers/me', { headers: auth() });
    expect(me.data!.customer).toMatchObject({ email, name: 'Hedy Headless', emailVerified: false });

    const saved = await api.POST('/customers/me/addresses', { headers: auth(), body: address });
    expect(saved.response.status).toBe(201);
    expect(saved.data!.address).toMatchObject({ ...address, isDefaultShipping: true });
    const book = await api.GET('/customers/me/addresses', { headers: auth() });
    expect(book.data!.data.map((entry) => entry.id)).toEqual([saved.data!.address!.id]);

    // The customer's cart is theirs: no cart token, the bearer token names it.
    const added = await api.POST('/carts/current/lines', { headers: auth(), body: { variantId: variant.id, quantity: 1 } });
    expect(added.response.status).toBe(201);
    expect(added.data!.token).toBeUndefined();
    const cart = await api.GET('/carts/current', { headers: auth() });
    expect(cart.data!.cart.lines.map((line) => line.variantId)).toEqual([variant.id]);

    const shipTo = book.data!.data[0]!;
    const options = await api.GET('/carts/current/shipping-options', {
      headers: auth(),
      params: { query: { countryCode: shipTo.countryCode, region: shipTo.region ?? undefined, postalCode: shipTo.postalCode } },
    });
    const rate = options.data!.shippingOptions[0]!;
    const preview = await api.POST('/checkout/preview', {
      headers: auth(),
      body: { countryCode: shipTo.countryCode, region: shipTo.region ?? undefined, postalCode: shipTo.postalCode, shippingRateId: rate.id },
    });
    expect(preview.data!.preview.totals.subtotalCents).toBe(4500);

    const placed = await api.POST('/checkout', {
      headers: auth(),
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: { email, shippingAddress: address, shippingRateId: rate.id },
    });
    expect(placed.response.status).toBe(201);
    const number = placed.data!.order.number;
    expect(placed.data!.order.totalCents).toBe(preview.data!.preview.totals.totalCents);

    const history = await api.GET('/customers/me/orders', { headers: auth() });
    expect(history.data!.data.map((entry) => entry.number)).toEqual([number]);
    expect(history.data!.pagination).toEqual({ page: 1, perPage: 20, total: 1, totalPages: 1 });
    const detail = await api.GET('/customers/me/orders/{number}', { headers: auth(), params: { path: { number } } });
    expect(detail.data!.order).toMatchObject({ number, email });

    // Rotation: a new pair; the spent refresh token is not accepted again.
    const spentRefresh = tokens.refreshToken;
    const rotated = await api.POST('/auth/refresh', { body: { refreshToken: spentRefresh } });
    expect(rotated.response.status).toBe(200);
    tokens = rotated.data!;
    expect(tokens.refreshToken).not.toBe(spentRefresh);
    expect((await api.GET('/customers/me', { headers: auth() })).response.status).toBe(200);

    const signedOut = await api.POST('/auth/sign-out', { headers: auth() });
    expect(signedOut.response.status).toBe(204);
    const refused = await api.GET('/customers/me', { headers: auth() });
    expect(refused.response.status).toBe(401);
    expect(refused.error!.error.code).toBe('unauthenticated');
    expect((await api.POST('/auth/refresh', { body: { refreshToken: tokens.refreshToken } })).response.status).toBe(401);
  });
});
