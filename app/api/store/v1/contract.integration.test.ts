import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GET as listCategories } from '@/app/api/store/v1/categories/route';
import { POST as checkout } from '@/app/api/store/v1/checkout/route';
import { POST as createCart } from '@/app/api/store/v1/carts/route';
import { GET as getCart } from '@/app/api/store/v1/carts/current/route';
import { POST as addLine } from '@/app/api/store/v1/carts/current/lines/route';
import { PATCH as updateLine } from '@/app/api/store/v1/carts/current/lines/[lineId]/route';
import { GET as getOrder } from '@/app/api/store/v1/orders/[number]/route';
import { GET as getProduct } from '@/app/api/store/v1/products/[slug]/route';
import { GET as listProducts } from '@/app/api/store/v1/products/route';
import { GET as searchSuggestions } from '@/app/api/store/v1/search/suggestions/route';
import { closeConnection } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { cartSchema } from '@/lib/cart/types';
import { productListSchema } from '@/lib/api/catalog';
import { searchSuggestionsSchema } from '@/lib/catalog/suggest-schemas';
import { categoryNodeSchema, productDetailSchema } from '@/lib/catalog/types';
import { listShippingOptions } from '@/lib/checkout/service';
import { placedOrderResponseSchema } from '@/lib/checkout/types';
import { orderDetailSchema, orderSummarySchema } from '@/lib/orders/types';
import { apiTokensSchema, customerProfileSchema } from '@/lib/auth/schemas';
import { registerUser } from '@/lib/auth/service';
import { checkoutQuoteViewSchema, shippingOptionSchema } from '@/lib/checkout/types';
import { savedAddressSchema } from '@/lib/customers/schemas';
import { dispatch, STORE_API_BASE } from './store-fetch.testing';

// The Store API answers exactly what its OpenAPI document says: every answer of the real route handlers, parsed by
// the zod schema the document is generated from, comes back unchanged — a field the server sends but the schema
// does not name would be dropped by the parse and fail the comparison, and a missing or mistyped one fails the parse.

afterAll(() => closeConnection());

const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return new NextRequest(new URL(path, 'http://store.test'), { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

async function answer(response: Response, status: number): Promise<unknown> {
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body;
}

function expectExactly(schema: z.ZodType, body: unknown) {
  expect(schema.parse(body)).toEqual(body);
}

describe('Store API answers match the published schemas', () => {
  it('catalogue: product list, product, category tree', async () => {
    const { product } = await createTestVariant({ stock: 3, priceCents: 1500 });
    const list = await answer(await listProducts(request(`/api/store/v1/products?q=${encodeURIComponent(product.title)}`), params({})), 200);
    expectExactly(productListSchema, list);
    expect((list as { data: unknown[] }).data.length).toBeGreaterThan(0);
    expectExactly(z.object({ data: productDetailSchema }), await answer(await getProduct(request(`/api/store/v1/products/${product.slug}`), params({ slug: product.slug })), 200));
    expectExactly(z.object({ data: z.array(categoryNodeSchema) }), await answer(await listCategories(request('/api/store/v1/categories'), params({})), 200));
  });

  it('search: a corrected query, did-you-mean, and the suggestions as a shopper types', async () => {
    const corrected = await answer(await listProducts(request('/api/store/v1/products?q=jakcet'), params({})), 200);
    expectExactly(productListSchema, corrected);
    expect((corrected as { search: unknown }).search).toEqual({ correctedQuery: 'jacket', didYouMean: null });
    const nothing = await answer(await listProducts(request('/api/store/v1/products?q=bkot'), params({})), 200);
    expectExactly(productListSchema, nothing);
    expect((nothing as { search: unknown }).search).toEqual({ correctedQuery: null, didYouMean: 'boot' });

    const typing = await answer(await searchSuggestions(request('/api/store/v1/search/suggestions?q=jac'), params({})), 200);
    expectExactly(searchSuggestionsSchema, typing);
    const { products, queries } = typing as { products: { title: string }[]; queries: string[] };
    expect(products.length).toBeGreaterThan(0);
    expect(products.every((product) => /jacket/i.test(product.title))).toBe(true);
    expect(queries).toContain('jacket');
    const categories = await answer(await searchSuggestions(request('/api/store/v1/search/suggestions?q=sneak'), params({})), 200);
    expect((categories as { categories: { slug: string }[] }).categories.map((category) => category.slug)).toContain('sneakers');
    await answer(await searchSuggestions(request(`/api/store/v1/search/suggestions?q=${'x'.repeat(101)}`), params({})), 422);
  });

  it('cart, checkout and the order, as a guest', async () => {
    const { variant } = await createTestVariant({ stock: 5, priceCents: 2200 });
    const created = (await answer(await createCart(request('/api/store/v1/carts', { method: 'POST' }), params({})), 201)) as { token: string };
    expectExactly(z.object({ token: z.string(), cart: cartSchema }), created);
    const headers = { 'x-cart-token': created.token };
    const added = await answer(await addLine(request('/api/store/v1/carts/current/lines', { method: 'POST', headers, body: { variantId: variant.id, quantity: 1 } }), params({})), 201);
    expectExactly(z.object({ cart: cartSchema }), added);
    const lineId = (added as { cart: { lines: { id: string }[] } }).cart.lines[0]!.id;
    expectExactly(z.object({ cart: cartSchema }), await answer(await updateLine(request(`/api/store/v1/carts/current/lines/${lineId}`, { method: 'PATCH', headers, body: { quantity: 2 } }), params({ lineId })), 200));
    expectExactly(z.object({ cart: cartSchema }), await answer(await getCart(request('/api/store/v1/carts/current', { headers }), params({})), 200));

    const rate = (await listShippingOptions('US', 'USD'))[0]!;
    const body = {
      email: 'contract@example.com',
      shippingAddress: { name: 'Contract Buyer', line1: '1 Schema Way', city: 'Austin', region: 'TX', postalCode: '73301', countryCode: 'US' },
      shippingRateId: rate.id,
    };
    const placed = await answer(await checkout(request('/api/store/v1/checkout', { method: 'POST', headers: { ...headers, 'idempotency-key': 'contract-0001' }, body }), params({})), 201);
    expectExactly(placedOrderResponseSchema, placed);
    const number = (placed as { order: { number: string } }).order.number;
    const order = await answer(await getOrder(request(`/api/store/v1/orders/${number}`, { headers: { 'x-order-email': body.email } }), params({ number })), 200);
    expectExactly(z.object({ order: orderDetailSchema }), order);
  });

  it('customer: tokens, profile, address book, shipping options, preview, order history', async () => {
    const { variant } = await createTestVariant({ stock: 5, priceCents: 1800 });
    const email = `contract-${Date.now().toString(36)}@example.com`;
    const password = 'Contract customer passphrase 2026';
    await registerUser({ name: 'Contract Customer', email, password });
    const send = async (path: string, status: number, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
      const headers: Record<string, string> = { ...init.headers };
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      return answer(await dispatch(new Request(`${STORE_API_BASE}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })), status);
    };
    const tokens = await send('/auth/token', 200, { method: 'POST', body: { email, password } });
    expectExactly(apiTokensSchema, tokens);
    const auth = { authorization: `Bearer ${(tokens as { accessToken: string }).accessToken}` };
    expectExactly(z.object({ customer: customerProfileSchema }), await send('/customers/me', 200, { headers: auth }));
    const address = { name: 'Contract Customer', line1: '2 Schema Way', city: 'Austin', region: 'TX', postalCode: '73301', countryCode: 'US' };
    expectExactly(z.object({ address: savedAddressSchema }), await send('/customers/me/addresses', 201, { method: 'POST', headers: auth, body: address }));
    expectExactly(z.object({ data: z.array(savedAddressSchema) }), await send('/customers/me/addresses', 200, { headers: auth }));

    await send('/carts/current/lines', 201, { method: 'POST', headers: auth, body: { variantId: variant.id, quantity: 1 } });
    const options = await send('/carts/current/shipping-options?countryCode=US&region=TX', 200, { headers: auth });
    expectExactly(
      z.object({ currency: z.string(), countryCode: z.string(), shippingOptions: z.array(shippingOptionSchema), addressErrors: z.object({ region: z.string().optional(), postalCode: z.string().optional() }) }),
      options,
    );
    expectExactly(z.object({ cart: cartSchema, preview: checkoutQuoteViewSchema }), await send('/checkout/preview', 200, { method: 'POST', headers: auth, body: { countryCode: 'US', region: 'TX' } }));
    const rate = (options as { shippingOptions: { id: string }[] }).shippingOptions[0]!;
    await send('/checkout', 201, { method: 'POST', headers: { ...auth, 'idempotency-key': `contract-${Date.now()}` }, body: { email, shippingAddress: address, shippingRateId: rate.id } });
    const pagination = z.object({ page: z.number().int(), perPage: z.number().int(), total: z.number().int(), totalPages: z.number().int() });
    const history = await send('/customers/me/orders', 200, { headers: auth });
    expectExactly(z.object({ data: z.array(orderSummarySchema), pagination }), history);
    const number = (history as { data: { number: string }[] }).data[0]!.number;
    expectExactly(z.object({ order: orderDetailSchema }), await send(`/customers/me/orders/${number}`, 200, { headers: auth }));
  });
});
