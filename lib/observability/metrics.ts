import { Counter, type CounterConfiguration, collectDefaultMetrics, Gauge, type GaugeConfiguration, Histogram, type HistogramConfiguration, Registry } from 'prom-client';

// Prometheus metrics, one registry per process. Each metric is declared by the module that owns what it counts
// (lib/checkout/metrics.ts, lib/server/metrics.ts, lib/cache/data-cache.ts, …) with `counter()`, `gauge()` or
// `histogram()` below; lib/startup/metrics.ts loads every owner before the first scrape. Next evaluates modules in
// several bundles (instrumentation, each route, pages) and prom-client refuses a name twice in one registry, so the
// registry and every metric live on globalThis and a second declaration of a name returns the first.

type Held = { registry: Registry; byName: Map<string, unknown> };

const globalForMetrics = globalThis as typeof globalThis & { __storefrontMetrics?: Held };

function held(): Held {
  if (!globalForMetrics.__storefrontMetrics) {
    const registry = new Registry();
    registry.setDefaultLabels({ service: 'storefront' });
    // Node process metrics: CPU, resident memory, heap, event-loop lag, GC, handles.
    collectDefaultMetrics({ register: registry });
    globalForMetrics.__storefrontMetrics = { registry, byName: new Map() };
  }
  return globalForMetrics.__storefrontMetrics;
}

/** The process's registry, for the scrape (app/api/metrics) and tests. */
export function metricsRegistry(): Registry {
  return held().registry;
}

function once<T>(name: string, create: (registry: Registry) => T): T {
  const { registry, byName } = held();
  if (!byName.has(name)) byName.set(name, create(registry));
  return byName.get(name) as T;
}

export function counter<L extends string = string>(config: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
  return once(config.name, (registry) => new Counter({ ...config, registers: [registry] }));
}

export function gauge<L extends string = string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
  return once(config.name, (registry) => new Gauge({ ...config, registers: [registry] }));
}

export function histogram<L extends string = string>(config: Omit<HistogramConfiguration<L>, 'registers'>): Histogram<L> {
  return once(config.name, (registry) => new Histogram({ ...config, registers: [registry] }));
}

/** Request-duration buckets shared by the route and server histograms, so their quantiles compare. */
export const DURATION_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
