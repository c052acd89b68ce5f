import { describe, expect, it } from 'vitest';
import { convertAmount, type MarketPricing, type RoundingRule } from '@/lib/markets/pricing';
import { baseAtLeast, marketBuckets, PRICE_BUCKETS, roundBound, translatePriceFilter } from './price-buckets';
import { catalogQuerySchema } from './schemas';

const market = (currency: string, exchangeRate: string, roundingRule: RoundingRule): MarketPricing => ({ currency, exchangeRate, roundingRule });

const MARKETS = [
  market('EUR', '0.92', '99'),
  market('EUR', '0.92', 'none'),
  market('GBP', '0.79', '95'),
  market('GBP', '0.79', 'whole'),
  market('JPY', '158.5', 'whole'),
  market('KWD', '0.307', 'none'),
];

describe('base bounds for a market price', () => {
  it.each(MARKETS.map((m) => [`${m.currency} ${m.exchangeRate} ${m.roundingRule}`, m] as const))('%s: the smallest base price that converts to at least X, for every X', (_name, m) => {
    // Every base price from 0 to $60 converted; for each market amount seen (and one past it), the answer is the first
    // base price reaching it — checked against the whole table, not against the search that found it.
    const converted = Array.from({ length: 6_001 }, (_, base) => convertAmount(base, 'USD', m));
    const targets = new Set(converted.flatMap((value) => [value, value + 1]));
    for (const target of targets) {
      const expected = converted.findIndex((value) => value >= target);
      if (expected === -1) continue;
      expect(baseAtLeast(target, 'USD', m), `${target} ${m.currency}`).toBe(expected);
    }
  });

  it('answers 0 for nothing and past the ceiling for an amount no price reaches', () => {
    expect(baseAtLeast(0, 'USD', MARKETS[0]!)).toBe(0);
    expect(baseAtLeast(10 ** 12, 'USD', MARKETS[0]!)).toBe(100_000_001);
  });
});

describe("a market's price ranges", () => {
  it('rounds bounds to amounts read at a glance', () => {
    expect([2300, 1975, 3950, 396_250, 7675].map(roundBound)).toEqual([2500, 2000, 5000, 500_000, 10_000]);
  });

  it('keeps the store ranges in a near currency and rounds them in a far one', () => {
    expect(marketBuckets('USD', market('USD', '1', 'none'))).toEqual(PRICE_BUCKETS);
    expect(marketBuckets('USD', market('EUR', '0.92', '99'))).toEqual([[0, 2500], [2500, 5000], [5000, 10_000], [10_000, 20_000], [20_000, null]]);
    expect(marketBuckets('USD', market('GBP', '0.79', '95'))).toEqual([[0, 2000], [2000, 5000], [5000, 10_000], [10_000, 20_000], [20_000, null]]);
    // Yen have no minor unit: ¥5,000 is 5000.
    expect(marketBuckets('USD', market('JPY', '158.5', 'whole'))).toEqual([[0, 5000], [5000, 10_000], [10_000, 20_000], [20_000, 25_000], [25_000, null]]);
  });
});

describe('a query in market prices, for the engine', () => {
  const eur = market('EUR', '0.92', '99');

  it('translates typed bounds so exactly the base prices converting into [min, max] pass', () => {
    const { engineQuery } = translatePriceFilter(catalogQuerySchema.parse({ priceMinCents: 2000, priceMaxCents: 2999 }), 'USD', eur);
    for (let base = 0; base <= 5_000; base++) {
      const inMarket = convertAmount(base, 'USD', eur);
      const passes = base >= engineQuery.priceMinCents! && base <= engineQuery.priceMaxCents!;
      expect(passes, `$${base / 100} → €${inMarket / 100}`).toBe(inMarket >= 2000 && inMarket <= 2999);
    }
  });

  it('leaves a range no price converts into empty (minimum above maximum) rather than widening it', () => {
    // With .99 endings nothing costs exactly €10.50.
    const { engineQuery } = translatePriceFilter(catalogQuerySchema.parse({ priceMinCents: 1050, priceMaxCents: 1050 }), 'USD', eur);
    expect(engineQuery.priceMinCents!).toBeGreaterThan(engineQuery.priceMaxCents!);
  });

  it("counts the market's ranges by their base translations, which meet end to end", () => {
    const { buckets, engineBuckets } = translatePriceFilter(catalogQuerySchema.parse({}), 'USD', eur);
    expect(engineBuckets).toHaveLength(buckets.length);
    for (let i = 1; i < engineBuckets.length; i++) expect(engineBuckets[i]![0]).toBe(engineBuckets[i - 1]![1]);
    expect(engineBuckets.at(-1)![1]).toBeNull();
  });
});
