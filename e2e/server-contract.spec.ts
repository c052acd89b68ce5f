import type { APIResponse } from '@playwright/test';
import { expect, test } from './support/test';
import { findBuyableVariant } from './support/commerce';

// What the front door (lib/server/front-door.ts) relies on in Next, checked against the real production server, so
// that the Next upgrade that changes it fails here rather than in a shopper's browser. The door answers a page from
// the page cache only when Next would answer it with the document; Next answers client-side navigations and
// prefetches with an RSC payload instead, told apart by request headers (RSC, Next-Router-Prefetch, …) and the
// `_rsc` query. If Next starts telling them apart by anything else, one of these fails:
//  - an RSC request or prefetch for a page in the cache is answered by Next with a payload, never with cached HTML;
//  - a document request for a page whose payload was fetched first still gets the HTML document (the cache never
//    stores a payload, and never serves one as a page);
//  - the headers Next varies its pages on are all ones the door reads;
//  - the requests a real browser makes while navigating between catalogue pages never get a cached answer.

const DOCUMENT = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'sec-fetch-dest': 'document' };
/** Request headers the page cache's key refuses to cache under (lib/server/page-cache.ts pageCacheKey). */
const READ_BY_THE_DOOR = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-url', 'accept-encoding', 'accept'];

async function cachedDocument(request: import('@playwright/test').APIRequestContext, path: string): Promise<APIResponse> {
  let last: APIResponse | null = null;
  // Staff writes in parallel specs purge the cache, so it may take a few rounds to see a hit.
  await expect
    .poll(async () => {
      last = await request.get(path, { headers: DOCUMENT });
      return last.headers()['x-page-cache'];
    }, { timeout: 45_000 })
    .toBe('hit');
  return last!;
}

function expectPayload(response: APIResponse, what: string) {
  expect(response.status(), what).toBe(200);
  expect(response.headers()['x-page-cache'], `${what}: answered from the page cache`).toBeUndefined();
  expect(response.headers()['content-type'], what).toContain('text/x-component');
}

async function expectDocument(response: APIResponse, what: string) {
  expect(response.status(), what).toBe(200);
  expect(response.headers()['content-type'], what).toContain('text/html');
  expect((await response.text()).trimStart().slice(0, 15).toLowerCase(), what).toBe('<!doctype html>');
}

test('an RSC request or prefetch for a cached page gets Next’s payload, never the cached HTML', async ({ request }) => {
  test.slow();
  const variant = await findBuyableVariant(request, 8, 1);
  for (const path of ['/', `/products/${variant.slug}`]) {
    const hit = await cachedDocument(request, path);
    await expectDocument(hit, `${path} as a document`);
    // Every header Next varies the page on is one the door reads before it answers from the cache.
    const vary = (hit.headers()['vary'] ?? '').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
    expect(vary.filter((name) => !READ_BY_THE_DOOR.includes(name)), `${path}: Vary names a header the page cache ignores`).toEqual([]);

    // What Next's client router sends for a navigation and for a prefetch (with a browser's Accept for good measure).
    expectPayload(await request.get(path, { headers: { ...DOCUMENT, rsc: '1' } }), `${path} RSC`);
    expectPayload(await request.get(path, { headers: { ...DOCUMENT, rsc: '1', 'next-router-prefetch': '1' } }), `${path} prefetch`);
    expectPayload(await request.get(`${path}?_rsc=contract1`, { headers: { accept: '*/*', rsc: '1' } }), `${path}?_rsc`);
    // The `_rsc` cache-buster alone never gets a cached copy either.
    expect((await request.get(`${path}?_rsc=contract2`, { headers: DOCUMENT })).headers()['x-page-cache'], `${path}?_rsc as a document`).toBeUndefined();
  }
});

test('a document request after the page’s RSC payload was fetched gets the HTML document', async ({ request }) => {
  test.slow();
  // A search nobody has made yet: nothing of it is cached before this test.
  const path = `/search?q=contract-${Date.now().toString(36)}`;
  for (let i = 0; i < 3; i++) expectPayload(await request.get(path, { headers: { rsc: '1', accept: '*/*' } }), `${path} RSC #${i + 1}`);
  expectPayload(await request.get(path, { headers: { rsc: '1', 'next-router-prefetch': '1', accept: '*/*' } }), `${path} prefetch`);
  const first = await request.get(path, { headers: DOCUMENT });
  await expectDocument(first, `${path} first document`);
  await expectDocument(await cachedDocument(request, path), `${path} cached document`);
  // And with the document cached, the payload is still Next's.
  expectPayload(await request.get(path, { headers: { rsc: '1', accept: '*/*' } }), `${path} RSC after`);
});

test('navigating in the browser between cached catalogue pages: every RSC fetch is answered by Next', async ({ page, request }) => {
  test.slow();
  const payloads: { url: string; cache: string | undefined; type: string | undefined }[] = [];
  page.on('response', async (response) => {
    const headers = await response.request().allHeaders();
    if (headers['rsc'] === undefined) return;
    payloads.push({ url: response.url(), cache: response.headers()['x-page-cache'], type: response.headers()['content-type'] });
  });
  await page.goto('/');
  const link = page.locator('main a[href^="/products/"]').first();
  const href = (await link.getAttribute('href'))!;
  // Both pages are in the page cache before the browser navigates between them.
  await cachedDocument(request, '/');
  await cachedDocument(request, href);
  const home = await page.goto('/');
  expect(home?.headers()['x-page-cache']).toBeDefined();
  await page.locator(`main a[href="${href}"]`).first().click();
  await page.waitForURL((url) => url.pathname === href);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The navigation was client-side: the router fetched the product's payload (a full load sends no RSC header).
  await expect.poll(() => payloads.some((p) => new URL(p.url).pathname === href)).toBe(true);
  for (const payload of payloads) {
    expect(payload.cache, `${payload.url} answered from the page cache`).toBeUndefined();
    expect(payload.type, payload.url).toContain('text/x-component');
  }
});
