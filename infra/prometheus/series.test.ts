import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Registry } from 'prom-client';

// The alert rules and the Grafana dashboard in this folder name series of the app's /api/metrics. Every name they use
// must be a series the app's registry exposes, or an alert never fires and a panel stays empty without anyone
// noticing: a renamed metric fails here instead.

type Rule = { alert?: string; record?: string; expr: string; for?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
type RuleFile = { groups: Array<{ name: string; rules: Rule[] }> };
type Target = { expr: string; refId: string; datasource?: unknown };
type Panel = { id: number; type: string; title: string; targets?: Target[]; gridPos: { x: number; y: number; w: number; h: number } };
type Dashboard = { uid: string; panels: Panel[]; templating: { list: Array<{ name: string; query: { query: string } | string }> } };

const here = path.dirname(new URL(import.meta.url).pathname);
const rules = parse(readFileSync(path.join(here, 'alerts.yml'), 'utf8')) as RuleFile;
const dashboard = JSON.parse(readFileSync(path.join(here, 'grafana-dashboard.json'), 'utf8')) as Dashboard;

/** Series Prometheus itself adds to every scrape target, not the app. */
const SCRAPE_SERIES = new Set(['up', 'scrape_duration_seconds', 'scrape_samples_scraped']);

const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'inf', 'nan']);

/** The metric names a PromQL expression selects (functions, keywords, labels, strings and durations left out). */
export function seriesNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\$\{?[A-Za-z_][A-Za-z0-9_]*(?::[a-z]+)?\}?/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names: string[] = [];
  for (const match of stripped.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const token = match[0];
    const before = stripped[match.index - 1] ?? ' ';
    if (/[0-9.]/.test(before)) continue; // 1e3, 0.5s
    if (stripped.slice(match.index + token.length).trimStart().startsWith('(')) continue; // a function
    if (KEYWORDS.has(token.toLowerCase())) continue;
    names.push(token);
  }
  return [...new Set(names)];
}

/** Series names a registry exposes: histograms as _bucket/_sum/_count, summaries with _sum/_count. */
function exposedSeries(registry: Registry): Set<string> {
  const names = new Set<string>();
  for (const { name, type } of registry.getMetricsAsArray()) {
    if (String(type) === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
    else if (String(type) === 'summary') for (const suffix of ['', '_sum', '_count']) names.add(name + suffix);
    else names.add(name);
  }
  return names;
}

function templateQuery(entry: Dashboard['templating']['list'][number]): string {
  const query = typeof entry.query === 'string' ? entry.query : entry.query.query;
  // label_values(<metric>, <label>): only the metric is a series.
  const labelValues = /^label_values\(\s*([^,]+),\s*[A-Za-z_]+\s*\)$/.exec(query.trim());
  return labelValues ? labelValues[1]! : query;
}

const expressions: Array<{ where: string; expr: string }> = [
  ...rules.groups.flatMap((group) => group.rules.map((rule) => ({ where: `alerts.yml ${rule.alert ?? rule.record}`, expr: rule.expr }))),
  ...dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ where: `dashboard "${panel.title}" ${target.refId}`, expr: target.expr })),
  ),
  ...dashboard.templating.list.map((entry) => ({ where: `dashboard variable $${entry.name}`, expr: templateQuery(entry) })),
];

let exposed: Set<string>;

beforeAll(async () => {
  // The app's registry with every metric its owners declare (lib/startup/metrics.ts loads them all, Node's default
  // metrics included).
  const { allMetrics } = await import('@/lib/startup/metrics');
  exposed = exposedSeries(allMetrics());
});

function missing(expr: string): string[] {
  return seriesNames(expr).filter((name) => !exposed.has(name) && !SCRAPE_SERIES.has(name));
}

describe('the PromQL name extraction', () => {
  it('finds the series and leaves functions, labels, durations, strings and Grafana variables out', () => {
    expect(
      seriesNames(
        'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{route=~"/api/.*", instance=~"$instance"}[$__rate_interval]))) > 2',
      ),
    ).toEqual(['http_request_duration_seconds_bucket']);
    expect(seriesNames('sum(a_total) / (sum(b_total) + sum(a_total)) > 0.25 and on (instance) c > 1e3')).toEqual(['a_total', 'b_total', 'c']);
    expect(seriesNames('up{job="storefront"} == 0')).toEqual(['up']);
  });

  it('reports a name the app does not export (a typo, or a series named without its suffix)', () => {
    expect(missing('sum(rate(storefront_orders_placed[5m]))')).toEqual(['storefront_orders_placed']);
    expect(missing('rate(http_server_duration_seconds[5m])')).toEqual(['http_server_duration_seconds']);
    expect(missing('sum(rate(storefront_orders_placed_total[5m])) / sum(rate(http_server_duration_seconds_count[5m]))')).toEqual([]);
  });
});

describe('infra/prometheus names only series the app exports', () => {
  it('reads some expressions from both files', () => {
    expect(expressions.filter((entry) => entry.where.startsWith('alerts.yml')).length).toBeGreaterThanOrEqual(10);
    expect(expressions.filter((entry) => entry.where.startsWith('dashboard')).length).toBeGreaterThanOrEqual(20);
  });

  it.each(expressions)('$where', ({ expr }) => {
    expect(seriesNames(expr).length, 'an expression without a series').toBeGreaterThan(0);
    expect(missing(expr)).toEqual([]);
  });

  it('covers what an operator watches: traffic, latency, 5xx, shed requests, orders, checkout failures, DB pool, Redis', () => {
    const used = new Set(expressions.flatMap((entry) => seriesNames(entry.expr)));
    for (const series of [
      'http_server_duration_seconds_count',
      'http_server_duration_seconds_bucket',
      'storefront_requests_shed',
      'storefront_requests_in_progress',
      'storefront_orders_placed_total',
      'storefront_checkout_failures_total',
      'storefront_db_pool_waiting',
      'storefront_redis_errors_total',
    ]) {
      expect(used, series).toContain(series);
    }
  });
});

describe('alerts.yml', () => {
  const all = rules.groups.flatMap((group) => group.rules);

  it('gives every alert a unique name, a severity and a summary, and valid `for` durations', () => {
    const names = all.map((rule) => rule.alert);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of all) {
      expect(rule.alert, rule.expr).toMatch(/^Storefront[A-Za-z0-9]+$/);
      expect(['page', 'warn']).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary).toBeTruthy();
      if (rule.for !== undefined) expect(rule.for).toMatch(/^\d+[smh]$/);
    }
  });
});

describe('grafana-dashboard.json', () => {
  it('is importable: a Prometheus data source input, unique panel ids, panels inside the 24-column grid', () => {
    expect(dashboard.uid).toBe('storefront-overview');
    expect(JSON.stringify(dashboard)).toContain('${DS_PROMETHEUS}');
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) expect(panel.gridPos.x + panel.gridPos.w, panel.title).toBeLessThanOrEqual(24);
  });
});
