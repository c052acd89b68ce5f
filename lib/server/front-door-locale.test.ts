import diagnosticsChannel from 'node:diagnostics_channel';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFrontDoor } from './front-door';
import { LOCALE_REWRITE_HEADER, localeRewriteValue, readLocaleRewrite } from './locale-rewrite';
import { FILL_HEADER, PageCache } from './page-cache';

// The storefront's language prefix is taken off in the front door, in front of a real node:http server standing in
// for Next, with room for ONE request at a time. What Next would get: the unprefixed URL and a language only this
// process can name. A request the app makes to itself while serving a /de page (Next forwarding a server action to
// the page that owns it) runs under its parent's slot and keeps the parent's language — it never waits for the slot
// its own parent holds.

type Start = { request: IncomingMessage; response: ServerResponse; server: Server };
type Seen = { url: string; locale: string; forged: boolean };

let server: Server;
let base: string;
const handler = (message: unknown) => {
  const { request, response, server: from } = message as Start;
  door?.take(from, request, response);
};
let door: ReturnType<typeof createFrontDoor> | undefined;
const cache = new PageCache(1 << 20, 60_000);
const seen: Seen[] = [];

function app(request: IncomingMessage, response: ServerResponse) {
  const value = request.headers[LOCALE_REWRITE_HEADER];
  // No language named: proxy.ts reads the path as it is (English, or /en/... it redirects).
  const locale = readLocaleRewrite(Array.isArray(value) ? value[0] : value)?.locale ?? 'its path';
  seen.push({ url: request.url ?? '', locale, forged: request.headers['x-locale'] !== undefined });
  if (request.url === '/forward') {
    // As Next forwards an action posted to a page that does not own it: fetch() to this same server, unprefixed.
    fetch(`${base}/owner`, { method: 'POST', headers: { 'x-action-forwarded': '1' }, body: 'x' }).then(
      async (inner) => response.end(`outer ${locale}; inner ${inner.status} ${await inner.text()}`),
      (error: unknown) => response.end(`inner failed: ${String(error)}`),
    );
    return;
  }
  response.setHeader('content-type', 'text/html');
  // The page cache's render brings the nonce the copy is cut at; a page that carries it may be stored.
  const fill = request.headers[FILL_HEADER];
  const nonce = typeof fill === 'string' ? fill.split(' ')[1] : undefined;
  response.end(`${request.url} in ${locale}${nonce ? `<script nonce="${nonce}"></script>` : ''}`);
}

beforeAll(async () => {
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  door = createFrontDoor({ admission: { maxActive: 1, maxQueued: 4, maxWaitMs: 1_500 }, pageCache: { cache, fillSecret: 'secret' }, port, https: false });
  diagnosticsChannel.subscribe('http.server.request.start', handler);
});

afterAll(() => {
  diagnosticsChannel.unsubscribe('http.server.request.start', handler);
  server.close();
});

describe('the front door and the language prefix', () => {
  it('hands the app /de/... as /... in German, and English paths untouched', async () => {
    seen.length = 0;
    expect(await (await fetch(`${base}/de/cart?x=1`, { method: 'POST', body: 'a' })).text()).toBe('/cart?x=1 in de');
    expect(await (await fetch(`${base}/cart`, { method: 'POST', body: 'a' })).text()).toBe('/cart in its path');
    expect(await (await fetch(`${base}/fr/cart`, { method: 'POST', body: 'a' })).text()).toBe('/cart in fr');
    expect(await (await fetch(`${base}/de/admin`, { method: 'POST', body: 'a' })).text()).toBe('/de/admin in its path');
    expect(await (await fetch(`${base}/en/cart`, { method: 'POST', body: 'a' })).text()).toBe('/cart in en');
    expect(await (await fetch(`${base}/en/cart`)).text()).toBe('/en/cart in its path');
  });

  it("ignores a client's own language header, guessed token or plain value", async () => {
    seen.length = 0;
    const forged = { [LOCALE_REWRITE_HEADER]: 'guessed de', 'x-locale': 'de' };
    expect(await (await fetch(`${base}/cart`, { method: 'POST', body: 'a', headers: forged })).text()).toBe('/cart in its path');
    // Even the real shape from a client is replaced by the door's own value for the path.
    expect(await (await fetch(`${base}/fr/cart`, { method: 'POST', body: 'a', headers: { [LOCALE_REWRITE_HEADER]: localeRewriteValue('de') } })).text()).toBe('/cart in fr');
  });

  it('keeps one page-cache copy per language, each rendered in its own language', async () => {
    const get = (path: string) => fetch(`${base}${path}`, { headers: { accept: 'text/html', 'sec-fetch-dest': 'document' } });
    const text = async (path: string) => (await (await get(path)).text()).replace(/<script.*/, '');
    expect(await text('/products/hat')).toBe('/products/hat in its path');
    expect(await text('/de/products/hat')).toBe('/products/hat in de');
    const again = await get('/de/products/hat');
    expect(again.headers.get('x-page-cache')).toBe('hit');
    expect((await again.text()).replace(/<script.*/, '')).toBe('/products/hat in de');
    const englishAgain = await get('/products/hat');
    expect(englishAgain.headers.get('x-page-cache')).toBe('hit');
    expect((await englishAgain.text()).replace(/<script.*/, '')).toBe('/products/hat in its path');
  });

  it('with one slot, a self-request made while serving a /de page runs under its slot, in German (no deadlock)', async () => {
    seen.length = 0;
    const started = Date.now();
    const response = await fetch(`${base}/de/forward`, { method: 'POST', body: 'a' });
    expect(await response.text()).toBe('outer de; inner 200 /owner in de');
    // Well inside the queue's deadline: the inner request never queued behind its parent.
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(seen.map((request) => request.url)).toEqual(['/forward', '/owner']);
  });
});
