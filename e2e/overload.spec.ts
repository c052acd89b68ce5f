import { expect, test } from './support/test';
import { AS_A_PAGE } from './support/commerce';
import { E2E_METRICS_TOKEN } from './support/environment';
import { lockProducts, type PrivateServer, startPrivateServer, waitFor } from './support/private-server';

// Admission control at the front door (lib/server/front-door.ts): when more requests arrive than the server works on
// at once, the next few wait their turn and the rest are told at once to come back (503 + Retry-After), instead of
// piling up until the process runs out of memory. The server here works on 2 requests at a time and queues 2. The
// requests are made slow from the outside: the test locks `products`, so catalogue queries wait in PostgreSQL.

// A catalogue read runs its facet queries in parallel (5 connections each): the pool is sized so that the two stuck
// reads leave connections for the readiness check, which goes through the same pool.
const LIMITS = { MAX_REQUESTS_IN_FLIGHT: '2', MAX_REQUESTS_QUEUED: '2', REQUEST_QUEUE_TIMEOUT_MS: '3000', DATABASE_POOL_MAX: '20', METRICS_TOKEN: E2E_METRICS_TOKEN };

function metric(exposition: string, name: string, label: string): number {
  const line = exposition.split('\n').find((candidate) => candidate.startsWith(`${name}{`) && candidate.includes(label));
  return line === undefined ? NaN : Number(line.slice(line.lastIndexOf(' ') + 1));
}

test.describe('overload', () => {
  let server: PrivateServer | undefined;

  test.afterAll(async () => {
    await server?.stop();
  });

  test('a saturated server queues a few requests, refuses the rest with 503 + Retry-After, drops abandoned ones, and keeps serving cached pages and health', async ({}, testInfo) => {
    test.setTimeout(120_000);
    const port = Number(new URL(testInfo.project.use.baseURL ?? 'http://127.0.0.1:3100').port) + 2;
    server = await startPrivateServer({ name: 'overload', port, env: LIMITS });
    const { baseUrl } = server;
    const get = (path: string, init: RequestInit = {}) => fetch(`${baseUrl}${path}`, init);
    const metrics = async () => (await get('/api/metrics', { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } })).text();

    // A product page an anonymous shopper has seen before is in the page cache.
    const list = (await (await get('/api/store/v1/products?per_page=1')).json()) as { data: { slug: string }[] };
    const productPath = `/products/${list.data[0]!.slug}`;
    await waitFor(async () => (await get(productPath, AS_A_PAGE)).headers.get('x-page-cache') === 'hit', 15_000, 'the product page to be cached');

    const lock = await lockProducts(server.databaseUrl);
    try {
      // Two catalogue reads the database cannot answer yet: both slots are taken.
      const working = [get('/api/store/v1/products?page=7'), get('/api/store/v1/products?page=8')];
      await waitFor(async () => (await lock.waitingQueries()) >= 2, 15_000, 'two requests to wait on the lock');
      // Two more wait their turn; the shopper behind the first gives up.
      const giveUp = new AbortController();
      const abandoned = get('/api/store/v1/categories', { signal: giveUp.signal }).catch(() => 'aborted');
      const queued = get('/api/store/v1/products?page=9');
      await waitFor(async () => metric(await metrics(), 'storefront_requests_in_progress', 'state="queued"') === 2, 10_000, 'two requests to queue');

      // Anything more is refused at once, in the API's error format, with a time to come back.
      const refused = await get('/api/store/v1/products?page=10');
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('2');
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unavailable');
      const refusedPage = await get('/categories/apparel');
      expect(refusedPage.status).toBe(503);
      expect(await refusedPage.text()).toContain('The store is busy right now');

      // Meanwhile operators and anonymous shoppers on cached pages are still answered.
      expect((await get('/api/health')).status).toBe(200);
      expect((await get('/api/ready')).status).toBe(200);
      const cached = await get(productPath, AS_A_PAGE);
      expect(cached.status).toBe(200);
      expect(cached.headers.get('x-page-cache')).toBe('hit');

      giveUp.abort();
      expect(await abandoned).toBe('aborted');
      await lock.release();
      // The slots free up: the queued request is served, the abandoned one is dropped without being worked on.
      for (const response of await Promise.all([...working, queued])) expect(response.status).toBe(200);
      const after = await metrics();
      expect(metric(after, 'storefront_requests_shed', 'reason="queue_full"')).toBe(2);
      expect(metric(after, 'storefront_requests_shed', 'reason="abandoned"')).toBe(1);
      expect(server.output()).not.toContain('"route":"/api/store/v1/categories"');
    } finally {
      await lock.release();
    }

    // A request that waits longer than REQUEST_QUEUE_TIMEOUT_MS is told to come back rather than kept waiting.
    const again = await lockProducts(server.databaseUrl);
    try {
      const working = [get('/api/store/v1/products?page=11'), get('/api/store/v1/products?page=12')];
      await waitFor(async () => (await again.waitingQueries()) >= 2, 15_000, 'two requests to wait on the lock');
      const waited = await get('/api/store/v1/products?page=13');
      expect(waited.status).toBe(503);
      expect(waited.headers.get('x-overload')).toBe('timeout');
      await again.release();
      for (const response of await Promise.all(working)) expect(response.status).toBe(200);
    } finally {
      await again.release();
    }
  });
});
