import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { newNonce, PageCache, pageCacheKey, type RenderedPage, servePage } from './page-cache';

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
    html,
    nonce: NONCE,
    headers: new Headers({ 'content-type': 'text/html; charset=utf-8', ...init.headers }),
  };
}

const page = (title: string) => `<html><script nonce="${NONCE}">boot()</script><h1>${title}</h1><script nonce="${NONCE}" src="/a.js"></script></html>`;

describe('pageCacheKey', () => {
  it('shares the anonymous home, category, product and search pages, keyed by path and query', () => {
    expect(pageCacheKey(request('/'))).toBe('browser /');
    expect(pageCacheKey(request('/categories/apparel?opt.size=M&page=2'))).toBe('browser /categories/apparel?opt.size=M&page=2');
    expect(pageCacheKey(request('/products/wool-coat'))).toBe('browser /products/wool-coat');
    expect(pageCacheKey(request('/search?q=jacket'))).toBe('browser /search?q=jacket');
  });

  it('renders personal pages, other methods, client navigations and visitors with a cart or session per request', () => {
    for (const path of ['/cart', '/checkout', '/account', '/admin', '/orders/lookup', '/api/store/v1/products', '/products/a/b']) {
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
    expect(pageCacheKey(request('/', { headers: { cookie: 'theme=dark; sf_cart=abc' } }))).toBeNull();
    expect(pageCacheKey(request('/', { headers: { cookie: 'authjs.session-token=abc' } }))).toBeNull();
    expect(pageCacheKey(request('/', { headers: { cookie: '__Secure-authjs.session-token=abc' } }))).toBeNull();
    // A cookie of no consequence to the page does not make it personal.
    expect(pageCacheKey(request('/', { headers: { cookie: 'authjs.csrf-token=abc' } }))).toBe('browser /');
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
    const found = await cache.getOrRender('k', async () =>
      rendered(html, { headers: { link: `</a.css>; rel=preload; as="style"; nonce="${NONCE}"` } }),
    );
    const first = servePage(found!.page, 'Zmlyc3Q=', { gzip: false });
    const second = servePage(found!.page, 'c2Vjb25k', { gzip: false });
    expect(first.body.toString()).toBe(html.replaceAll(NONCE, 'Zmlyc3Q='));
    expect(second.body.toString()).toBe(html.replaceAll(NONCE, 'c2Vjb25k'));
    expect(second.body.toString()).not.toContain(NONCE);
    expect(Object.fromEntries(second.headers).link).toBe('</a.css>; rel=preload; as="style"; nonce="c2Vjb25k"');
    expect(Object.fromEntries(second.headers)['content-type']).toBe('text/html; charset=utf-8');
    expect(Object.fromEntries(second.headers)['content-encoding']).toBeUndefined();
  });

  it('gzips the page with the nonce spliced in, for clients that accept gzip', async () => {
    const cache = new PageCache(1 << 20, 30_000);
    const html = page(`Wool coat — ${'<li>Size M</li>'.repeat(500)}`);
    const found = await cache.getOrRender('k', async () => rendered(html));
    const nonce = newNonce();
    const served = servePage(found!.page, nonce, { gzip: true });
    expect(Object.fromEntries(served.headers)['content-encoding']).toBe('gzip');
    expect(gunzipSync(served.body).toString()).toBe(html.replaceAll(NONCE, nonce));
    expect(served.body.length).toBeLessThan(Buffer.byteLength(html) / 10);
    // Any other nonce still gets a correct page.
    expect(gunzipSync(servePage(found!.page, 'Zmlyc3Q=', { gzip: true }).body).toString()).toBe(html.replaceAll(NONCE, 'Zmlyc3Q='));
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
    const results = await Promise.all(Array.from({ length: 5 }, () => cache.getOrRender('k', render)));
    expect(renders).toBe(1);
    expect(results.every((r) => r?.outcome === 'miss')).toBe(true);
    expect((await cache.getOrRender('k', render))?.outcome).toBe('hit');
    expect(cache.snapshot()).toMatchObject({ hits: 1, misses: 5, entries: 1 });
  });

  it('does not keep error pages, pages that set a cookie, non-HTML or pages without the nonce', async () => {
    const cache = new PageCache(1 << 20, 30_000);
    const cases: RenderedPage[] = [
      rendered(page('Gone'), { status: 404 }),
      rendered(page('Coat'), { headers: { 'set-cookie': 'sf_cart=x' } }),
      rendered('{"a":1}', { headers: { 'content-type': 'application/json' } }),
      rendered('<html>no scripts</html>'),
    ];
    for (const [i, result] of cases.entries()) {
      expect(await cache.getOrRender(`k${i}`, async () => result)).toBeNull();
    }
    expect(await cache.getOrRender('failed', async () => null)).toBeNull();
    expect(await cache.getOrRender('threw', async () => Promise.reject(new Error('down')))).toBeNull();
    expect(cache.snapshot().entries).toBe(0);
  });

  it('serves a page past its TTL while one background render refreshes it, and renders anew past twice the TTL', async () => {
    let now = 1_000;
    const cache = new PageCache(1 << 20, 30_000, () => now);
    await cache.getOrRender('k', async () => rendered(page('Old')));
    now += 29_999;
    expect((await cache.getOrRender('k', async () => rendered(page('New'))))?.outcome).toBe('hit');
    now += 1;
    let renders = 0;
    let finish!: () => void;
    const slow = () => {
      renders++;
      return new Promise<RenderedPage>((resolve) => (finish = () => resolve(rendered(page('New')))));
    };
    const stale = await Promise.all([cache.getOrRender('k', slow), cache.getOrRender('k', slow)]);
    expect(stale.map((r) => r?.outcome)).toEqual(['stale', 'stale']);
    expect(servePage(stale[0]!.page, 'n', { gzip: false }).body.toString()).toContain('Old');
    expect(renders).toBe(1);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    const fresh = await cache.getOrRender('k', slow);
    expect(fresh?.outcome).toBe('hit');
    expect(servePage(fresh!.page, 'n', { gzip: false }).body.toString()).toContain('New');
    // Nobody asked for twice the TTL: the old copy is not served, the request waits for a render.
    now += 60_000;
    const late = await cache.getOrRender('k', async () => rendered(page('Newer')));
    expect(late?.outcome).toBe('miss');
    expect(servePage(late!.page, 'n', { gzip: false }).body.toString()).toContain('Newer');
  });

  it('purges one product page (any query, any agent) or everything', async () => {
    let now = 0;
    const cache = new PageCache(1 << 20, 30_000, () => now);
    for (const key of ['browser /products/coat', 'browser /products/coat?colour=red', 'html /products/coat', 'browser /products/coats', 'browser /']) {
      await cache.getOrRender(key, async () => rendered(page(key)));
    }
    cache.purge(['/products/coat']);
    expect(cache.peek('browser /products/coat')).toBeNull();
    expect(cache.peek('browser /products/coat?colour=red')).toBeNull();
    expect(cache.peek('html /products/coat')).toBeNull();
    expect(cache.peek('browser /products/coats')).not.toBeNull();
    expect(cache.peek('browser /')).not.toBeNull();
    // A purged page is gone at once, never served stale.
    expect((await cache.getOrRender('browser /products/coat', async () => rendered(page('Sold out'))))?.outcome).toBe('miss');
    now += 1;
    cache.purge();
    expect(cache.snapshot()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('does not store a page whose render began before a purge (it may show what the purge was for)', async () => {
    let now = 0;
    const cache = new PageCache(1 << 20, 30_000, () => now);
    let finish!: () => void;
    const slow = cache.getOrRender('browser /products/coat', () => new Promise<RenderedPage>((resolve) => (finish = () => resolve(rendered(page('In stock'))))));
    cache.purge(['/products/coat']);
    finish();
    await slow;
    expect(cache.peek('browser /products/coat')).toBeNull();
    // A request after the purge renders afresh.
    now += 1;
    const next = await cache.getOrRender('browser /products/coat', async () => rendered(page('Sold out')));
    expect(next?.outcome).toBe('miss');
    expect(servePage(next!.page, 'n', { gzip: false }).body.toString()).toContain('Sold out');
  });

  it('stays within its size, dropping the least recently used page first', async () => {
    const one = rendered(page('x'.repeat(1000)));
    const weight = (await new PageCache(1 << 20, 30_000).getOrRender('w', async () => one))!.page.bytes;
    const capacity = 4 * weight + 10;
    const cache = new PageCache(capacity, 30_000);
    for (const key of ['a', 'b', 'c', 'd']) await cache.getOrRender(key, async () => one);
    expect((await cache.getOrRender('a', async () => null))?.outcome).toBe('hit'); // a is now the most recently used
    await cache.getOrRender('e', async () => one);
    expect(cache.peek('b')).toBeNull();
    expect(cache.peek('a')).not.toBeNull();
    expect(cache.peek('e')).not.toBeNull();
    expect(cache.snapshot()).toMatchObject({ entries: 4 });
    expect(cache.snapshot().bytes).toBeLessThanOrEqual(capacity);
    // One page bigger than a quarter of the cache is served but not kept: it would push out many others.
    const small = new PageCache(2 * weight, 30_000);
    expect(await small.getOrRender('big', async () => one)).not.toBeNull();
    expect(small.snapshot().entries).toBe(0);
  });
});
