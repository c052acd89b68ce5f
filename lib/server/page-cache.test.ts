import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { marketOfCookies, PageCache, pageCacheKey, type RenderedPage, servePage } from './page-cache';
import { newNonce } from './security-headers';

const NONCE = 'cmVuZGVyLW5vbmNlLTEyMw==';

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  const url = new URL(path, 'http://shop.test');
  // What a browser sends for a page it navigates to.
  const headers = new Headers({ accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'sec-fetch-dest': 'document', ...init.headers });
  return { method: init.method ?? 'GET', pathname: url.pathname, search: url.search, header: (name: string) => headers.get(name) ?? undefined };
}

function rendered(html: string, init: { status?: number; headers?: Record<string, string> } = {}): RenderedPage {
  return {
    status: init.status ?? 200,
    body: html,
    nonce: NONCE,
    headers: new Headers({ 'content-type': 'text/html; charset=utf-8', ...init.headers }),
  };
}

/** What the front door does for a cacheable request: the stored copy, else a (shared) render. */
async function getOrRender(cache: PageCache, key: string, render: () => Promise<RenderedPage | null>) {
  const found = cache.lookup(key, render);
  if (found) return found;
  const page = await cache.render(key, render);
  return page ? { page, outcome: 'miss' as const } : null;
}

const page = (title: string) => `<html><script nonce="${NONCE}">boot()</script><h1>${title}</h1><script nonce="${NONCE}" src="/a.js"></script></html>`;

describe('pageCacheKey', () => {
  it('shares the home, category, product and search pages, keyed by path and query', () => {
    expect(pageCacheKey(request('/'))).toBe('browser /');
    expect(pageCacheKey(request('/categories/apparel?opt.size=M&page=2'))).toBe('browser /categories/apparel?opt.size=M&page=2');
    expect(pageCacheKey(request('/products/wool-coat'))).toBe('browser /products/wool-coat');
    expect(pageCacheKey(request('/search?q=jacket'))).toBe('browser /search?q=jacket');
  });

  it('renders personal pages, other methods and client navigations per request; a cart or session changes nothing', () => {
    for (const path of ['/cart', '/checkout', '/account', '/admin', '/orders/lookup', '/api/store/v1/carts/current', '/api/store/v1/orders/1001', '/api/admin/products', '/products/a/b']) {
      expect(pageCacheKey(request(path)), path).toBeNull();
    }
    expect(pageCacheKey(request('/', { method: 'POST' }))).toBeNull();
    expect(pageCacheKey(request('/', { method: 'HEAD' }))).toBeNull();
    // A client-side navigation or prefetch: fetch() from the page (Next strips its RSC headers before the proxy).
    expect(pageCacheKey(request('/products/a', { headers: { accept: '*/*', 'sec-fetch-dest': 'empty' } }))).toBeNull();
    expect(pageCacheKey(request('/products/a', { headers: { 'sec-fetch-dest': 'empty' } }))).toBeNull();
    expect(pageCacheKey(request('/products/a', { headers: { accept: '*/*' } }))).toBeNull();
    expect(pageCacheKey(request('/products/a', { headers: { rsc: '1' } }))).toBeNull();
    expect(pageCacheKey(request('/products/a?_rsc=x1y2'))).toBeNull();
    expect(pageCacheKey(request('/products/a', { headers: { 'next-router-prefetch': '1' } }))).toBeNull();
    // A cart or a session does not make a catalogue page personal: the browser fills in the header's parts.
    expect(pageCacheKey(request('/', { headers: { cookie: 'theme=dark; sf_cart=abc; sf_cart_items=2' } }))).toBe('browser /');
    expect(pageCacheKey(request('/products/a', { headers: { cookie: '__Secure-authjs.session-token=abc; sf_signed_in=1' } }))).toBe('browser /products/a');
  });

  it('keeps a copy per market: a shopper in EUR never gets the default market\'s page, and no other cookie counts', () => {
    expect(pageCacheKey(request('/products/a', { headers: { cookie: 'sf_market=eu' } }))).toBe('browser@eu /products/a');
    expect(pageCacheKey(request('/', { headers: { cookie: 'sf_cart=abc; sf_market=gb; theme=dark' } }))).toBe('browser@gb /');
    // A value that cannot be a market code is the default market (the page renders it so).
    expect(pageCacheKey(request('/', { headers: { cookie: 'sf_market=../../x' } }))).toBe('browser /');
    expect(marketOfCookies('a=1; sf_market=eu')).toBe('eu');
    expect(marketOfCookies('sf_marketing=eu')).toBeNull();
    expect(marketOfCookies(undefined)).toBeNull();
  });

  it('purges a path in every market', () => {
    const cache = new PageCache(1 << 20, 60_000);
    return Promise.all(['browser /products/a', 'browser@eu /products/a'].map((key) => cache.render(key, async () => rendered(page(key))))).then(() => {
      cache.purge(['/products/a']);
      expect(cache.peek('browser /products/a')).toBeNull();
      expect(cache.peek('browser@eu /products/a')).toBeNull();
    });
  });

  it("purges one market's copies only: its pages and the Store API reads priced in it", () => {
    const cache = new PageCache(1 << 20, 60_000);
    const keys = ['browser /products/a', 'browser@eu /products/a', 'browser@gb /products/a', 'bot@eu /', 'api /api/store/v1/products?market=eu', 'api /api/store/v1/products?market=gb'];
    return Promise.all(keys.map((key) => cache.render(key, async () => rendered(page(key))))).then(() => {
      cache.purge(undefined, 'eu');
      expect(keys.filter((key) => cache.peek(key) !== null)).toEqual(['browser /products/a', 'browser@gb /products/a', 'api /api/store/v1/products?market=gb']);
      cache.purge(['/products/a'], 'gb');
      expect(keys.filter((key) => cache.peek(key) !== null)).toEqual(['browser /products/a', 'api /api/store/v1/products?market=gb']);
    });
  });

  it('keeps a copy per language, the language being in the path; /en and unknown prefixes are not cached', () => {
    expect(pageCacheKey(request('/de'))).toBe('browser /de');
    expect(pageCacheKey(request('/de/products/wool-coat'))).toBe('browser /de/products/wool-coat');
    expect(pageCacheKey(request('/fr/categories/apparel?page=2', { headers: { cookie: 'sf_market=eu' } }))).toBe('browser@eu /fr/categories/apparel?page=2');
    for (const path of ['/en/products/a', '/es/products/a', '/de/cart', '/de/checkout', '/de/admin', '/deproducts/a']) expect(pageCacheKey(request(path)), path).toBeNull();
  });

  it('purges a path in every language', () => {
    const cache = new PageCache(1 << 20, 60_000);
    const keys = ['browser /products/a', 'browser /de/products/a', 'browser@eu /fr/products/a', 'browser /de/products/b'];
    return Promise.all(keys.map((key) => cache.render(key, async () => rendered(page(key))))).then(() => {
      cache.purge(['/products/a']);
      for (const key of keys.slice(0, 3)) expect(cache.peek(key), key).toBeNull();
      expect(cache.peek('browser /de/products/b')).not.toBeNull();
    });
  });

  it("shares the Store API's public catalogue reads whatever the client sends, and nothing else of the API", () => {
    const api = (path: string, headers: Record<string, string> = {}) => pageCacheKey(request(path, { headers: { accept: 'application/json', 'sec-fetch-dest': 'empty', ...headers } }));
    expect(api('/api/store/v1/products?category=apparel&page=2')).toBe('api /api/store/v1/products?category=apparel&page=2');
    expect(api('/api/store/v1/products/wool-coat', { cookie: 'sf_cart=abc' })).toBe('api /api/store/v1/products/wool-coat');
    expect(api('/api/store/v1/categories')).toBe('api /api/store/v1/categories');
    for (const path of ['/api/store/v1/products/a/b', '/api/store/v1/openapi.json', '/api/store/v1/carts', '/api/health']) expect(api(path), path).toBeNull();
    expect(pageCacheKey(request('/api/store/v1/products', { method: 'POST' }))).toBeNull();
  });

  it('gives crawlers that do not run JavaScript their own copy (Next renders their metadata differently)', () => {
    const crawler = new Headers({ accept: 'text/html', 'user-agent': 'Mozilla/5.0 (compatible; bingbot/2.0)' });
    const key = pageCacheKey({ method: 'GET', pathname: '/', search: '', header: (name) => crawler.get(name) ?? undefined });
    expect(key).not.toBeNull();
    expect(key).not.toBe('browser /');
  });
});

describe('servePage', () => {
  it("puts each response's own nonce wherever the rendering nonce was, in the body and in headers", async () => {
    const cache = new PageCache(1 << 20, 30_000);
    const html = page('Coat');
    const found = await getOrRender(cache, 'k', async () =>
      rendered(html, { headers: { link: `</a.css>; rel=preload; as="style"; nonce="${NONCE}"` } }),
    );
    const [one, two] = [newNonce(), newNonce()];
    const first = servePage(found!.page, one, { gzip: false });
    const second = servePage(found!.page, two, { gzip: false });
    expect(first.body.toString()).toBe(html.replaceAll(NONCE, one));
    expect(second.body.toString()).toBe(html.replaceAll(NONCE, two));
    expect(second.body.toString()).not.toContain(NONCE);
    expect(Object.fromEntries(second.headers).link).toBe(`</a.css>; rel=preload; as="style"; nonce="${two}"`);
    expect(Object.fromEntries(second.headers)['content-type']).toBe('text/html; charset=utf-8');
    expect(Object.fromEntries(second.headers)['content-encoding']).toBeUndefined();
  });

  it('gzips the page with the nonce spliced in, for clients that accept gzip', async () => {
    const cache = new PageCache(1 << 20, 30_000);
    const html = page(`Wool coat — ${'<li>Size M</li>'.repeat(500)}`);
    const found = await getOrRender(cache, 'k', async () => rendered(html));
    const nonce = newNonce();
    const served = servePage(found!.page, nonce, { gzip: true });
    expect(Object.fromEntries(served.headers)['content-encoding']).toBe('gzip');
    expect(gunzipSync(served.body).toString()).toBe(html.replaceAll(NONCE, nonce));
    expect(served.body.length).toBeLessThan(Buffer.byteLength(html) / 10);
    // Only the gzipped form is kept: a page weighs about what it does on the wire.
    expect(found!.page.bytes).toBeLessThan(Buffer.byteLength(html) / 10);
  });
});

describe('PageCache', () => {
  it('renders once for concurrent requests, then serves hits', async () => {
    const cache = new PageCache(1 << 20, 30_000);
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return rendered(page('Coat'));
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => getOrRender(cache, 'k', render)));
    expect(renders).toBe(1);
    expect(results.every((r) => r?.outcome === 'miss')).toBe(true);
    expect((await getOrRender(cache, 'k', render))?.outcome).toBe('hit');
    expect(cache.snapshot()).toMatchObject({ hits: 1, misses: 5, entries: 1 });
  });

  it('keeps JSON its route declared publicly cacheable, served as it came', async () => {
    const cache = new PageCache(1 << 20, 30_000);
    const json = '{"data":[{"title":"Wool coat"}]}';
    await getOrRender(cache, 'api /api/store/v1/products', async () => rendered(json, { headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=60' } }));
    const hit = await getOrRender(cache, 'api /api/store/v1/products', async () => null);
    expect(hit?.outcome).toBe('hit');
    const served = servePage(hit!.page, newNonce(), { gzip: true });
    expect(gunzipSync(served.body).toString()).toBe(json);
    expect(servePage(hit!.page, newNonce(), { gzip: false }).body.toString()).toBe(json);
    expect(Object.fromEntries(served.headers)['cache-control']).toBe('public, max-age=60');
  });

  it('does not keep error pages, pages that set a cookie, private JSON or pages without the nonce', async () => {
    const cache = new PageCache(1 << 20, 30_000);
    const cases: RenderedPage[] = [
      rendered(page('Gone'), { status: 404 }),
      rendered(page('Coat'), { headers: { 'set-cookie': 'sf_cart=x' } }),
      rendered('{"a":1}', { headers: { 'content-type': 'application/json' } }),
      rendered('{"a":1}', { headers: { 'content-type': 'application/json', 'cache-control': 'private, no-store' } }),
      rendered('<html>no scripts</html>'),
    ];
    for (const [i, result] of cases.entries()) {
      expect(await getOrRender(cache, `k${i}`, async () => result)).toBeNull();
    }
    expect(await getOrRender(cache, 'failed', async () => null)).toBeNull();
    expect(await getOrRender(cache, 'threw', async () => Promise.reject(new Error('down')))).toBeNull();
    expect(cache.snapshot().entries).toBe(0);
  });

  it('serves a page past its TTL while one background render refreshes it, and renders anew past twice the TTL', async () => {
    let now = 1_000;
    const cache = new PageCache(1 << 20, 30_000, () => now);
    await getOrRender(cache, 'k', async () => rendered(page('Old')));
    now += 29_999;
    expect((await getOrRender(cache, 'k', async () => rendered(page('New'))))?.outcome).toBe('hit');
    now += 1;
    let renders = 0;
    let finish!: () => void;
    const slow = () => {
      renders++;
      return new Promise<RenderedPage>((resolve) => (finish = () => resolve(rendered(page('New')))));
    };
    const stale = await Promise.all([getOrRender(cache, 'k', slow), getOrRender(cache, 'k', slow)]);
    expect(stale.map((r) => r?.outcome)).toEqual(['stale', 'stale']);
    expect(servePage(stale[0]!.page, newNonce(), { gzip: false }).body.toString()).toContain('Old');
    expect(renders).toBe(1);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    const fresh = await getOrRender(cache, 'k', slow);
    expect(fresh?.outcome).toBe('hit');
    expect(servePage(fresh!.page, newNonce(), { gzip: false }).body.toString()).toContain('New');
    // Nobody asked for twice the TTL: the old copy is not served, the request waits for a render.
    now += 60_000;
    const late = await getOrRender(cache, 'k', async () => rendered(page('Newer')));
    expect(late?.outcome).toBe('miss');
    expect(servePage(late!.page, newNonce(), { gzip: false }).body.toString()).toContain('Newer');
  });

  it('purges one product page (any query, any agent) or everything', async () => {
    let now = 0;
    const cache = new PageCache(1 << 20, 30_000, () => now);
    for (const key of ['browser /products/coat', 'browser /products/coat?colour=red', 'html /products/coat', 'browser /products/coats', 'browser /']) {
      await getOrRender(cache, key, async () => rendered(page(key)));
    }
    cache.purge(['/products/coat']);
    expect(cache.peek('browser /products/coat')).toBeNull();
    expect(cache.peek('browser /products/coat?colour=red')).toBeNull();
    expect(cache.peek('html /products/coat')).toBeNull();
    expect(cache.peek('browser /products/coats')).not.toBeNull();
    expect(cache.peek('browser /')).not.toBeNull();
    // A purged page is gone at once, never served stale.
    expect((await getOrRender(cache, 'browser /products/coat', async () => rendered(page('Sold out'))))?.outcome).toBe('miss');
    now += 1;
    cache.purge();
    expect(cache.snapshot()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('does not store a page whose render began before a purge (it may show what the purge was for)', async () => {
    let now = 0;
    const cache = new PageCache(1 << 20, 30_000, () => now);
    let finish!: () => void;
    const slow = getOrRender(cache, 'browser /products/coat', () => new Promise<RenderedPage>((resolve) => (finish = () => resolve(rendered(page('In stock'))))));
    cache.purge(['/products/coat']);
    finish();
    await slow;
    expect(cache.peek('browser /products/coat')).toBeNull();
    // A request after the purge renders afresh.
    now += 1;
    const next = await getOrRender(cache, 'browser /products/coat', async () => rendered(page('Sold out')));
    expect(next?.outcome).toBe('miss');
    expect(servePage(next!.page, newNonce(), { gzip: false }).body.toString()).toContain('Sold out');
  });

  it('stays within its size, dropping the least recently used page first', async () => {
    const one = rendered(page('x'.repeat(1000)));
    const weight = (await getOrRender(new PageCache(1 << 20, 30_000), 'w', async () => one))!.page.bytes;
    const capacity = 4 * weight + 10;
    const cache = new PageCache(capacity, 30_000);
    for (const key of ['a', 'b', 'c', 'd']) await getOrRender(cache, key, async () => one);
    expect((await getOrRender(cache, 'a', async () => null))?.outcome).toBe('hit'); // a is now the most recently used
    await getOrRender(cache, 'e', async () => one);
    expect(cache.peek('b')).toBeNull();
    expect(cache.peek('a')).not.toBeNull();
    expect(cache.peek('e')).not.toBeNull();
    expect(cache.snapshot()).toMatchObject({ entries: 4 });
    expect(cache.snapshot().bytes).toBeLessThanOrEqual(capacity);
    // One page bigger than a quarter of the cache is served but not kept: it would push out many others.
    const small = new PageCache(2 * weight, 30_000);
    expect(await getOrRender(small, 'big', async () => one)).not.toBeNull();
    expect(small.snapshot().entries).toBe(0);
  });
});
