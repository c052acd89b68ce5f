import { expect, test } from './support/test';
import { HomePage } from './pages/home-page';
import { E2E_METRICS_TOKEN } from './support/environment';

// An operator's journey: shoppers browse, then Prometheus scrapes /api/metrics with the bearer token.

function sampleValue(exposition: string, name: string, labels: Record<string, string>): number | undefined {
  const line = exposition
    .split('\n')
    .find((candidate) => candidate.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

test.describe('metrics', () => {
  test('a scrape after browsing shows request durations by route pattern, process metrics and the shop counters', async ({ page, request }) => {
    const home = new HomePage(page);
    const response = await home.goto();
    expect(response?.status()).toBe(200);
    await expect(home.heading).toBeVisible();
    // Pages carry a request id too (set by proxy.ts), so a shopper's error report can be traced to the logs.
    expect(response?.headers()['x-request-id']).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
    const health = await request.get('/api/health');
    expect(health.status()).toBe(200);
    expect(health.headers()['x-request-id']).toBeTruthy();

    expect((await request.get('/api/metrics')).status()).toBe(401);
    expect((await request.get('/api/metrics', { headers: { authorization: 'Bearer not-the-token-at-all' } })).status()).toBe(401);

    const scrape = await request.get('/api/metrics', { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
    expect(scrape.status()).toBe(200);
    expect(scrape.headers()['content-type']).toContain('text/plain');
    const body = await scrape.text();

    // Route handlers hit by this spec and by the global setup's readiness wait, labelled by pattern.
    expect(sampleValue(body, 'http_request_duration_seconds_count', { route: '/api/health', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(body, 'http_request_duration_seconds_count', { route: '/api/ready', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(body, 'http_request_duration_seconds_count', { route: '/api/metrics', status: '401' })).toBeGreaterThanOrEqual(2);
    // Pages have no route wrapper: they are timed at the Node server, by kind.
    expect(sampleValue(body, 'http_server_duration_seconds_count', { kind: 'page', method: 'GET', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(body, 'http_server_duration_seconds_count', { kind: 'api', status: '200' })).toBeGreaterThanOrEqual(1);
    // No raw URL ever becomes a label (cardinality, and ids or emails in paths).
    expect(body).not.toMatch(/route="\/media\/(?!\[\.\.\.key\])/);

    // Node process metrics.
    expect(sampleValue(body, 'process_resident_memory_bytes', {})).toBeGreaterThan(0);
    expect(body).toContain('nodejs_eventloop_lag_seconds');
    // Shop and dependency series are declared (they count from zero until checkout and rate limiting use them).
    for (const name of [
      'storefront_orders_placed_total',
      'storefront_checkout_failures_total',
      'storefront_rate_limit_rejections_total',
      'storefront_redis_errors_total',
      'storefront_db_pool_connections_in_use',
      'storefront_db_pool_waiting',
      'storefront_outbox_events',
      'storefront_outbox_attempts_total',
      'storefront_expired_carts_deleted_total',
    ]) {
      expect(body).toContain(`# TYPE ${name} `);
    }
    expect(sampleValue(body, 'storefront_redis_errors_total', {})).toBe(0);
    // The home page visit above was anonymous: the page cache answered it (stored or served).
    const pageCache = (outcome: string) => sampleValue(body, 'storefront_page_cache_requests', { outcome }) ?? 0;
    expect(pageCache('hit') + pageCache('stale') + pageCache('miss')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(body, 'storefront_page_cache_bytes', {})).toBeGreaterThan(0);
    // Rendering it read the catalog through the data cache.
    const dataCache = (outcome: string) => sampleValue(body, 'storefront_data_cache_reads', { outcome }) ?? 0;
    expect(dataCache('hit') + dataCache('stale') + dataCache('miss')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(body, 'storefront_data_cache_bytes', {})).toBeGreaterThan(0);
    // Admission control: this scrape itself bypasses it; nothing here overloads the server.
    expect(body).toContain('# TYPE storefront_requests_in_progress gauge');
    expect(sampleValue(body, 'storefront_requests_shed', { reason: 'queue_full' })).toBe(0);
    expect(sampleValue(body, 'storefront_requests_shed', { reason: 'timeout' })).toBe(0);
    // The outbox job publishes its queue within seconds of boot; nothing here has given up on an email.
    await expect
      .poll(async () => sampleValue(await (await request.get('/api/metrics', { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } })).text(), 'storefront_outbox_events', { state: 'failed' }), { timeout: 15_000 })
      .toBe(0);
  });
});
