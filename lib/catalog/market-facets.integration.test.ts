import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { variants } from '@/db/schema';
import { getCachedMarkets } from '@/lib/markets/cache';
import { convertAmount } from '@/lib/markets/pricing';
import { marketByCode } from '@/lib/markets/queries';
import { searchCatalogCached } from './cache';
import { catalogQuerySchema } from './schemas';

// A euro shopper's price facet: ranges in euros, counted and filtered by what each variant costs in euros (the base
// price by the market's rate and rounding), checked against the seeded sneakers converted one by one.

afterAll(() => closeConnection());

async function euroPrices(productIds: string[]) {
  const eu = marketByCode(await getCachedMarkets(), 'eu')!;
  const rows = await db.select({ productId: variants.productId, priceCents: variants.priceCents, currency: variants.currency }).from(variants).where(and(inArray(variants.productId, productIds), eq(variants.isActive, true)));
  const byProduct = new Map<string, number[]>();
  for (const row of rows) byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), convertAmount(row.priceCents, row.currency, eu)]);
  return byProduct;
}

describe('price facet in the euro area', () => {
  it('labels its ranges in euros and counts each product with a variant whose euro price is in it', async () => {
    const eu = marketByCode(await getCachedMarkets(), 'eu')!;
    const all = await searchCatalogCached(catalogQuerySchema.parse({ category: 'sneakers', perPage: 100 }), eu);
    expect(all.total).toBeGreaterThan(0);
    expect(all.total).toBeLessThanOrEqual(100);
    expect(all.items.every((item) => item.currency === 'EUR')).toBe(true);
    const prices = await euroPrices(all.items.map((item) => item.id));
    const buckets = all.facets.priceBuckets;
    expect(buckets.map((bucket) => [bucket.minCents, bucket.maxCents])).toEqual([[0, 2500], [2500, 5000], [5000, 10_000], [10_000, 20_000], [20_000, null]]);
    for (const bucket of buckets) {
      const expected = [...prices.values()].filter((euros) => euros.some((price) => price >= bucket.minCents && (bucket.maxCents === null || price < bucket.maxCents))).length;
      expect(bucket.count, `€${bucket.minCents / 100}–${bucket.maxCents === null ? '' : bucket.maxCents / 100}`).toBe(expected);
    }
    expect(buckets.some((bucket) => bucket.count > 0 && bucket.count < all.total)).toBe(true);
  });

  it('filters by a range typed in euros: exactly the products with a variant costing that much in euros, and marks its range chosen', async () => {
    const eu = marketByCode(await getCachedMarkets(), 'eu')!;
    const all = await searchCatalogCached(catalogQuerySchema.parse({ category: 'sneakers', perPage: 100 }), eu);
    const prices = await euroPrices(all.items.map((item) => item.id));
    for (const bucket of all.facets.priceBuckets.filter((b) => b.maxCents !== null && b.count > 0)) {
      const query = catalogQuerySchema.parse({ category: 'sneakers', perPage: 100, priceMinCents: bucket.minCents, priceMaxCents: bucket.maxCents! - 1 });
      const filtered = await searchCatalogCached(query, eu);
      const expected = [...prices.entries()].filter(([, euros]) => euros.some((price) => price >= bucket.minCents && price < bucket.maxCents!)).map(([id]) => id);
      expect(filtered.items.map((item) => item.id).sort()).toEqual(expected.sort());
      expect(filtered.facets.priceBuckets.filter((b) => b.selected).map((b) => b.minCents)).toEqual([bucket.minCents]);
    }
    // A range no euro price falls in (.99 endings: nothing costs exactly €10.50) finds nothing instead of failing.
    const none = await searchCatalogCached(catalogQuerySchema.parse({ category: 'sneakers', priceMinCents: 1050, priceMaxCents: 1050 }), eu);
    expect(none.total).toBe(0);
  });
});
