import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { currentPoolStats } from '@/db/client';
import { dataCacheStats } from '@/lib/cache/data-cache';
import { actionRefusalStats } from '@/lib/server/action-requests';
import { admissionStats } from '@/lib/server/admission';
import { pageCacheStats } from '@/lib/server/page-cache';
import { selfRequestStats } from '@/lib/server/self-request';

// Prometheus metrics, one registry per process. Next evaluates modules in several bundles (instrumentation, each
// route, pages), and prom-client refuses to register a metric name twice in one registry — so the registry and
// every metric live on globalThis and are created once. Other domains import the counters from here:
// checkout increments `ordersPlaced` / `checkoutFailures`, rate limiting `rateLimitRejections`.

function createMetrics() {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'storefront' });
  // Node process metrics: CPU, resident memory, heap, event-loop lag, GC, handles.
  collectDefaultMetrics({ register: registry });

  const httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Route handler duration by route pattern (never the raw URL, to bound cardinality), method and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  // Pages have no wrapper to label them by pattern, so every request is also timed at the Node server, by kind.
  const httpServerDuration = new Histogram({
    name: 'http_server_duration_seconds',
    help: 'Every request at the Node HTTP server, arrival to end of response, by kind (page, api, media, image, static, next), method and status.',
    labelNames: ['method', 'kind', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const ordersPlaced = new Counter({
    name: 'storefront_orders_placed_total',
    help: 'Orders placed.',
    labelNames: ['currency'] as const,
    registers: [registry],
  });

  const checkoutFailures = new Counter({
    name: 'storefront_checkout_failures_total',
    help: 'Checkout attempts that did not place an order, by reason (out_of_stock, payment_declined, validation, …).',
    labelNames: ['reason'] as const,
    registers: [registry],
  });

  const rateLimitRejections = new Counter({
    name: 'storefront_rate_limit_rejections_total',
    help: 'Requests refused by a rate-limit policy, by policy name.',
    labelNames: ['policy'] as const,
    registers: [registry],
  });

  const redisErrors = new Counter({
    name: 'storefront_redis_errors_total',
    help: "Redis client 'error' events (connection lost, refused, timed out).",
    registers: [registry],
  });

  // Set by the outbox job after each run (lib/outbox/worker.ts): events still being tried, and events given up on.
  const outboxEvents = new Gauge({
    name: 'storefront_outbox_events',
    help: 'Undelivered outbox events (order confirmations, emails) by state: pending (will be retried) or failed (gave up after the last attempt).',
    labelNames: ['state'] as const,
    registers: [registry],
  });

  const outboxAttempts = new Counter({
    name: 'storefront_outbox_attempts_total',
    help: 'Outbox delivery attempts by event type and outcome (delivered, retry, failed).',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });

  const expiredCartsDeleted = new Counter({
    name: 'storefront_expired_carts_deleted_total',
    help: 'Guest carts deleted by the cleanup job after GUEST_CART_RETENTION_DAYS without a change.',
    registers: [registry],
  });

  // postgres.js exposes no pool statistics, so db/client.ts counts the work it hands the pool (see PoolStats there).
  new Gauge({
    name: 'storefront_db_pool_connections_in_use',
    help: 'PostgreSQL pool connections busy with a query or transaction (derived from in-flight work; see db/client.ts).',
    registers: [registry],
    collect() {
      this.set(currentPoolStats()?.inUse ?? 0);
    },
  });
  new Gauge({
    name: 'storefront_db_pool_waiting',
    help: 'Queries or transactions waiting for a free PostgreSQL pool connection (in-flight work beyond the pool size).',
    registers: [registry],
    collect() {
      this.set(currentPoolStats()?.waiting ?? 0);
    },
  });
  new Gauge({
    name: 'storefront_db_pool_max',
    help: 'PostgreSQL pool size (DATABASE_POOL_MAX); 0 for embedded PGlite, which has no pool.',
    registers: [registry],
    collect() {
      this.set(currentPoolStats()?.max ?? 0);
    },
  });

  // The page cache and admission control live in the front door (lib/server/front-door.ts) and keep their own counts;
  // read them at scrape time.
  new Gauge({
    name: 'storefront_page_cache_requests',
    help: 'Anonymous page requests the page cache has answered since start, by outcome: hit (served a stored page), stale (served a page past its TTL while it is rendered again) or miss (rendered, then stored).',
    labelNames: ['outcome'] as const,
    registers: [registry],
    collect() {
      const stats = pageCacheStats();
      this.set({ outcome: 'hit' }, stats?.hits ?? 0);
      this.set({ outcome: 'stale' }, stats?.stale ?? 0);
      this.set({ outcome: 'miss' }, stats?.misses ?? 0);
    },
  });
  new Gauge({
    name: 'storefront_requests_in_progress',
    help: 'Requests being worked on (at most MAX_REQUESTS_IN_FLIGHT) and waiting their turn (at most MAX_REQUESTS_QUEUED).',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const stats = admissionStats();
      this.set({ state: 'active' }, stats?.inFlight ?? 0);
      this.set({ state: 'queued' }, stats?.waiting ?? 0);
    },
  });
  new Gauge({
    name: 'storefront_requests_shed',
    help: 'Requests answered 503 by admission control since start, by reason (queue_full, timeout), and queued requests dropped because their client had gone (abandoned).',
    labelNames: ['reason'] as const,
    registers: [registry],
    collect() {
      const stats = admissionStats();
      this.set({ reason: 'queue_full' }, stats?.refused.queue_full ?? 0);
      this.set({ reason: 'timeout' }, stats?.refused.timeout ?? 0);
      this.set({ reason: 'abandoned' }, stats?.abandoned ?? 0);
    },
  });
  new Gauge({
    name: 'storefront_requests_oldest_queued_seconds',
    help: 'How long the oldest request waiting for a slot has waited (0 when none waits). Near REQUEST_QUEUE_TIMEOUT_MS means a stalled door; /api/ready answers 503 from half of it.',
    registers: [registry],
    collect() {
      this.set((admissionStats()?.oldestWaitMs ?? 0) / 1000);
    },
  });
  new Gauge({
    name: 'storefront_self_requests',
    help: "Requests this process made to itself (a server action forwarded to its page, a page cache render) since start, by how they were let in: under their parent request's slot, or through admission (the parent held none).",
    labelNames: ['admission'] as const,
    registers: [registry],
    collect() {
      const stats = selfRequestStats();
      this.set({ admission: 'parent_slot' }, stats.parent_slot);
      this.set({ admission: 'admitted' }, stats.admitted);
    },
  });
  new Gauge({
    name: 'storefront_action_requests_refused',
    help: 'Server-action requests the front door answered 4xx since start (Next would have answered 500), by reason: foreign_origin (403) or malformed (400, a body Next could not decode).',
    labelNames: ['reason'] as const,
    registers: [registry],
    collect() {
      const stats = actionRefusalStats();
      this.set({ reason: 'foreign_origin' }, stats.foreign_origin);
      this.set({ reason: 'malformed' }, stats.malformed);
    },
  });
  new Gauge({
    name: 'storefront_page_cache_bytes',
    help: 'Size of the pages held by the page cache (bounded by PAGE_CACHE_MB).',
    registers: [registry],
    collect() {
      this.set(pageCacheStats()?.bytes ?? 0);
    },
  });

  // The catalog's data cache (lib/cache/data-cache.ts), under the pages and the Store API.
  new Gauge({
    name: 'storefront_data_cache_reads',
    help: 'Cached catalog reads since start, by outcome: hit, stale (served while one background load refreshes it) or miss (loaded, shared by concurrent readers).',
    labelNames: ['outcome'] as const,
    registers: [registry],
    collect() {
      const stats = dataCacheStats();
      this.set({ outcome: 'hit' }, stats?.hits ?? 0);
      this.set({ outcome: 'stale' }, stats?.stale ?? 0);
      this.set({ outcome: 'miss' }, stats?.misses ?? 0);
    },
  });
  new Gauge({
    name: 'storefront_data_cache_bytes',
    help: 'Estimated size of the catalog reads held by the data cache (bounded by DATA_CACHE_MB).',
    registers: [registry],
    collect() {
      this.set(dataCacheStats()?.bytes ?? 0);
    },
  });

  return {
    registry,
    httpRequestDuration,
    httpServerDuration,
    ordersPlaced,
    checkoutFailures,
    rateLimitRejections,
    redisErrors,
    outboxEvents,
    outboxAttempts,
    expiredCartsDeleted,
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const globalForMetrics = globalThis as typeof globalThis & { __storefrontMetrics?: Metrics };

export function getMetrics(): Metrics {
  globalForMetrics.__storefrontMetrics ??= createMetrics();
  return globalForMetrics.__storefrontMetrics;
}

export const metrics: Metrics = getMetrics();
export const { ordersPlaced, checkoutFailures, rateLimitRejections, redisErrors } = metrics;

/** Records one finished route-handler request. `route` must be a pattern (`/media/[...key]`), never a raw path. */
export function observeRequest(labels: { method: string; route: string; status: number }, durationS: number): void {
  metrics.httpRequestDuration.observe({ method: labels.method, route: labels.route, status: String(labels.status) }, durationS);
}
