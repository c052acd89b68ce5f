import 'server-only';
import type { Registry } from 'prom-client';
import { metricsRegistry } from '@/lib/observability/metrics';
// Every module that declares metrics, loaded so each is in the registry before the first scrape (a counter nobody
// has touched yet still shows its HELP and TYPE, and the gauges read their owners' counts).
import '@/lib/cache/data-cache';
import '@/lib/cart/cleanup';
import '@/lib/checkout/metrics';
import '@/lib/http/route';
import '@/lib/observability/db-metrics';
import '@/lib/outbox/worker';
import '@/lib/rate-limit';
import '@/lib/redis/client';
import '@/lib/server/metrics';
import '@/lib/server/timing';

/** The registry with every owner's metrics declared: what /api/metrics and the CloudWatch job read. */
export function allMetrics(): Registry {
  return metricsRegistry();
}
