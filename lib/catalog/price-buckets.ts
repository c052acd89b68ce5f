import { convertAmount, type MarketPricing } from '@/lib/markets/pricing';
import type { CatalogQuery } from './schemas';

// The price facet. The engine (./search.ts) filters and counts in the store's base currency, where every variant has
// its price column; a shopper in another market sees, types and links prices in that market's currency. A market's
// price is the base price by its rate and rounding rule, and that conversion never lowers a price when the base price
// rises, so "at least X in the market" is exactly "at least the smallest base price that converts to X or more":
// the market's ranges and typed bounds are translated into base-currency bounds here, and the engine's counts come
// back under the market's own labels. (A variant with an explicit price in a market is filtered by its base price's
// conversion, as its card is sorted.)

/** Price ranges in minor units, each from its first bound (included) to its second (excluded; null: no limit). */
export type PriceBounds = readonly (readonly [number, number | null])[];

export const PRICE_BUCKETS: PriceBounds = [
  [0, 2_500],
  [2_500, 5_000],
  [5_000, 10_000],
  [10_000, 20_000],
  [20_000, null],
];

/** The engine's ceiling for a price bound (the catalogue query's). */
const MAX_BOUND = 100_000_000;

/** The smallest base amount whose price in the market is at least `marketCents` (MAX_BOUND + 1 when none is). */
export function baseAtLeast(marketCents: number, baseCurrency: string, market: MarketPricing): number {
  if (marketCents <= 0) return 0;
  const converts = (base: number) => convertAmount(base, baseCurrency, market) >= marketCents;
  if (!converts(MAX_BOUND)) return MAX_BOUND + 1;
  // converts(lo) is false, converts(hi) is true: halve the gap.
  let lo = 0;
  let hi = MAX_BOUND;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (converts(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The nearest round amount (1, 2, 2.5 or 5 times a power of ten, in minor units) to `cents`, by ratio. */
export function roundBound(cents: number): number {
  if (cents <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(cents));
  const candidates = [1, 2, 2.5, 5, 10].map((step) => step * power).filter(Number.isInteger);
  return candidates.reduce((best, candidate) => (Math.abs(Math.log(candidate / cents)) < Math.abs(Math.log(best / cents)) ? candidate : best));
}

/** The market's own ranges: the base ranges' bounds converted and rounded to amounts people read at a glance (€25, ¥5,000). */
export function marketBuckets(baseCurrency: string, market: MarketPricing): PriceBounds {
  const bounds: number[] = [];
  for (const [, upper] of PRICE_BUCKETS) {
    if (upper === null) continue;
    const bound = roundBound(convertAmount(upper, baseCurrency, market, 'none'));
    if (bound > (bounds.at(-1) ?? 0)) bounds.push(bound);
  }
  const ranges: (readonly [number, number | null])[] = bounds.map((bound, index) => [index === 0 ? 0 : bounds[index - 1]!, bound] as const);
  ranges.push([bounds.at(-1) ?? 0, null]);
  return ranges;
}

export type MarketPriceFilter = {
  /** The query with its price bounds in the base currency (an empty range stays empty: minimum above maximum). */
  engineQuery: CatalogQuery;
  /** The market's ranges in the base currency, for the engine to count. */
  engineBuckets: PriceBounds;
  /** The same ranges in the market's currency, for labels and links. */
  buckets: PriceBounds;
};

/** A query whose prices are in the market's currency, translated for the engine. */
export function translatePriceFilter(query: CatalogQuery, baseCurrency: string, market: MarketPricing): MarketPriceFilter {
  const buckets = marketBuckets(baseCurrency, market);
  const toBase = (cents: number) => Math.min(baseAtLeast(cents, baseCurrency, market), MAX_BOUND);
  return {
    buckets,
    engineBuckets: buckets.map(([min, max]) => [toBase(min), max === null ? null : toBase(max)] as const),
    engineQuery: {
      ...query,
      priceMinCents: query.priceMinCents === undefined ? undefined : toBase(query.priceMinCents),
      // At most Y: below the smallest base price that converts to more than Y.
      priceMaxCents: query.priceMaxCents === undefined ? undefined : baseAtLeast(query.priceMaxCents + 1, baseCurrency, market) - 1,
    },
  };
}
