import 'server-only';
import type { Registry } from 'prom-client';
import { logger } from '@/lib/log';

// The app's own business and overload figures for CloudWatch, which does not scrape /api/metrics: once a minute, a
// log line in CloudWatch's Embedded Metric Format (EMF) carries what these counters gained since the last line.
// CloudWatch Logs turns the line into metrics by itself (no agent, no API call, no credentials); the CDK dashboard
// (infra/lib/dashboard.ts) reads them from METRICS_EMF_NAMESPACE. Prometheus users keep /api/metrics.

/** What each CloudWatch metric sums: every label set of one Prometheus series. */
export const EMF_SERIES = {
  OrdersPlaced: 'storefront_orders_placed_total',
  CheckoutFailures: 'storefront_checkout_failures_total',
  RequestsShed: 'storefront_requests_shed',
  RateLimitRejections: 'storefront_rate_limit_rejections_total',
} as const;

type EmfName = keyof typeof EMF_SERIES;

async function totals(registry: Registry): Promise<Record<EmfName, number>> {
  const out = {} as Record<EmfName, number>;
  for (const [name, series] of Object.entries(EMF_SERIES) as [EmfName, string][]) {
    const metric = registry.getSingleMetric(series);
    const values = metric ? (await metric.get()).values : [];
    out[name] = values.reduce((sum, { value }) => sum + value, 0);
  }
  return out;
}

/**
 * Returns a function that, each time it is called, gives the EMF record of what the series gained since the call
 * before (the first call counts from zero: the process's start).
 */
export function emfRecorder(namespace: string, registry: Registry, now: () => number = Date.now) {
  let previous: Record<EmfName, number> | null = null;
  return async () => {
    const current = await totals(registry);
    const gained = Object.fromEntries(
      (Object.keys(current) as EmfName[]).map((name) => [name, Math.max(0, current[name] - (previous?.[name] ?? 0))]),
    ) as Record<EmfName, number>;
    previous = current;
    return {
      _aws: {
        Timestamp: now(),
        CloudWatchMetrics: [{ Namespace: namespace, Dimensions: [[]], Metrics: (Object.keys(gained) as EmfName[]).map((Name) => ({ Name, Unit: 'Count' })) }],
      },
      ...gained,
    };
  };
}

/** The job's run: one EMF line on stdout through the JSON logger. */
export function emfJob(namespace: string, registry: Registry): () => Promise<void> {
  const record = emfRecorder(namespace, registry);
  return async () => {
    logger.info(await record(), 'metrics');
  };
}
