import type { APIRequestContext } from '@playwright/test';

// Helpers for the shopping journeys: find purchasable products through the public Store API, as any client would.

/** Request options for a page load as a browser's navigation sends it (the page cache serves documents only). */
export const AS_A_PAGE = { headers: { accept: 'text/html' } };

export type BuyableVariant = { slug: string; title: string; options: Record<string, string>; priceCents: number; maxQuantity: number };

type ProductItem = { slug: string };
type ProductDetail = { slug: string; title: string; variants: { options: Record<string, string>; priceCents: number; maxQuantity: number; inStock: boolean }[] };

/**
 * The `index`-th in-stock product (so parallel specs buy different things) and a variant with room for `quantity`
 * and, when asked, worth at least `minTotalCents` at its stock limit (e.g. to reach a discount's minimum).
 */
export async function findBuyableVariant(request: APIRequestContext, index: number, quantity = 3, minTotalCents = 0): Promise<BuyableVariant> {
  const list = await request.get('/api/store/v1/products?in_stock=true&per_page=48');
  if (!list.ok()) throw new Error(`product list failed: ${list.status()}`);
  const items = ((await list.json()) as { data: ProductItem[] }).data;
  let seen = 0;
  for (const item of items) {
    const response = await request.get(`/api/store/v1/products/${item.slug}`);
    const product = ((await response.json()) as { data: ProductDetail }).data;
    const variant = product.variants.find(
      (v) => v.inStock && v.maxQuantity >= quantity && v.priceCents * v.maxQuantity >= minTotalCents && Object.keys(v.options).length > 0,
    );
    if (!variant) continue;
    if (seen === index) return { slug: product.slug, title: product.title, options: variant.options, priceCents: variant.priceCents, maxQuantity: variant.maxQuantity };
    seen += 1;
  }
  throw new Error('no buyable product found');
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@e2e.test`;
}

/**
 * A variant with only a few units left (fewer than the per-line limit, so its maxQuantity is its whole stock),
 * taken from the newest products so it does not collide with what the other journeys buy; `index` picks a later
 * one, so two journeys that need one do not share it.
 */
export async function findLowStockVariant(request: APIRequestContext, index = 0): Promise<BuyableVariant> {
  const list = await request.get('/api/store/v1/products?in_stock=1&sort=newest&per_page=48&page=2');
  const items = ((await list.json()) as { data: ProductItem[] }).data;
  for (const item of items) {
    const product = ((await (await request.get(`/api/store/v1/products/${item.slug}`)).json()) as { data: ProductDetail }).data;
    const variant = product.variants.find((v) => v.inStock && v.maxQuantity > 0 && v.maxQuantity < 10 && Object.keys(v.options).length > 0);
    if (variant && index > 0) {
      index -= 1;
      continue;
    }
    if (variant) return { slug: product.slug, title: product.title, options: variant.options, priceCents: variant.priceCents, maxQuantity: variant.maxQuantity };
  }
  throw new Error('no low-stock variant found');
}

/**
 * Places a guest order through the public Store API, as a headless storefront would: a new cart, one unit of the
 * variant, the first shipping option to Austin, manual payment. Answers the order number.
 */
export async function placeGuestOrderThroughApi(request: APIRequestContext, email: string, variant: BuyableVariant): Promise<string> {
  const created = await request.post('/api/store/v1/carts');
  const { token } = (await created.json()) as { token: string };
  const headers = { 'x-cart-token': token };
  const product = (await (await request.get(`/api/store/v1/products/${variant.slug}`)).json()) as { data: { variants: { id: string; options: Record<string, string> }[] } };
  const variantId = product.data.variants.find((v) => JSON.stringify(v.options) === JSON.stringify(variant.options))!.id;
  const added = await request.post('/api/store/v1/carts/current/lines', { headers, data: { variantId, quantity: 1 } });
  if (!added.ok()) throw new Error(`adding to the cart failed: ${added.status()}`);
  const quote = await request.get('/api/store/v1/carts/current/shipping-options?countryCode=US&region=TX&postalCode=78701', { headers });
  const { shippingOptions } = (await quote.json()) as { shippingOptions: { id: string }[] };
  const shippingAddress = { name: 'Guest Buyer', line1: '1 Congress Ave', city: 'Austin', region: 'TX', postalCode: '78701', countryCode: 'US' };
  const placed = await request.post('/api/store/v1/checkout', {
    headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
    data: { email, shippingAddress, shippingRateId: shippingOptions[0]!.id, paymentProvider: 'manual' },
  });
  if (placed.status() !== 201) throw new Error(`checkout failed: ${placed.status()} ${await placed.text()}`);
  return ((await placed.json()) as { order: { number: string } }).order.number;
}
