import type { Page, Response } from '@playwright/test';
import { expect, test } from './support/test';
import { ProductPage } from './pages/product-page';
import { AS_A_PAGE, findBuyableVariant } from './support/commerce';


// Shoppers get catalog pages from the page cache (lib/server/page-cache.ts): rendered once, served by the front door
// with a fresh CSP nonce each time. The same copy serves a shopper with a cart: the header's count is filled in by
// the browser from a hint cookie.

function scriptNonce(csp: string | undefined): string {
  const nonce = /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
  if (!nonce) throw new Error(`no nonce in CSP: ${csp}`);
  return nonce;
}

async function nonceOnScripts(page: Page): Promise<string[]> {
  // The browser hides the attribute's value from the DOM; the `nonce` property still has it. Data blocks (JSON-LD)
  // are not scripts the CSP governs.
  return page
    .locator('script:not([type="application/ld+json"])')
    .evaluateAll((scripts) => [...new Set(scripts.map((s) => (s as HTMLScriptElement).nonce ?? ''))]);
}

async function visit(product: ProductPage, slug: string): Promise<Response> {
  const response = await product.goto(slug);
  if (!response) throw new Error('no response');
  expect(response.status()).toBe(200);
  return response;
}

test('shoppers get a cached product page with a fresh nonce that works; with a cart, the same page shows their cart', async ({ page, request }) => {
  test.setTimeout(90_000);
  const variant = await findBuyableVariant(request, 8, 1);
  const product = new ProductPage(page);

  const first = await visit(product, variant.slug);
  // Hit once it is stored. Staff writes in parallel specs purge the whole cache, so this may take a few rounds.
  await expect
    .poll(async () => (await request.get(`/products/${variant.slug}`, AS_A_PAGE)).headers()['x-page-cache'], { timeout: 45_000 })
    .toBe('hit');
  const second = await visit(product, variant.slug);
  expect(['hit', 'stale', 'miss']).toContain(second.headers()['x-page-cache']);
  const firstNonce = scriptNonce(first.headers()['content-security-policy']);
  const secondNonce = scriptNonce(second.headers()['content-security-policy']);
  expect(secondNonce).not.toBe(firstNonce);
  // Every script of the cached copy carries this response's nonce, so the page runs under the strict CSP.
  expect(await nonceOnScripts(page)).toEqual([secondNonce]);
  await expect(product.title).toHaveText(variant.title);
  await expect(product.cartLink).toHaveAccessibleName('Cart, 0 items');

  // The cached page is interactive: the variant picker and add-to-cart (drawer) run its scripts.
  await product.choose(variant.options);
  await product.add(1);
  await expect(product.cartLink).toHaveAccessibleName('Cart, 1 item');

  // Now the shopper has a cart: the page is still the shared copy, and their header shows their cart.
  const own = await visit(product, variant.slug);
  expect(['hit', 'stale', 'miss']).toContain(own.headers()['x-page-cache']);
  await expect(product.cartLink).toHaveAccessibleName('Cart, 1 item');

  // The shared HTML itself carries nobody's cart: the count is filled in by the page's script.
  const theirs = await request.get(`/products/${variant.slug}`, AS_A_PAGE);
  expect(['hit', 'stale', 'miss']).toContain(theirs.headers()['x-page-cache']);
  const html = await theirs.text();
  expect(html).toContain('aria-label="Cart"');
  expect(html).not.toMatch(/Cart, [1-9]\d* items?/);
});
