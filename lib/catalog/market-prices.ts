import 'server-only';
import { getExplicitPrices, listProductsWithExplicitPrices } from '@/lib/markets/queries';
import { convertAmount, resolvePrice } from '@/lib/markets/pricing';
import type { MarketView } from '@/lib/markets/types';
import type { PriceBounds } from './price-buckets';
import type { CatalogQuery } from './schemas';
import type { CatalogResult } from './search';
import type { ProductCard, ProductDetail } from './types';

// The catalogue's reads are built in the store's base currency; these put them in a shopper's market (explicit price,
// else derived by rate and rounding — lib/markets/pricing.ts). The default market is the base currency itself.
// Called inside the cached loaders (lib/catalog/cache.ts), so each market's copy is computed once per cache entry.

/** Cards in the market's currency. Products with an explicit price there are resolved per variant; the rest from their range. */
export async function priceCardsInMarket(cards: ProductCard[], market: MarketView): Promise<ProductCard[]> {
  if (market.isDefault || cards.length === 0) return cards;
  const explicit = new Map((await listProductsWithExplicitPrices(market.id, cards.map((card) => card.id))).map((entry) => [entry.productId, entry]));
  return cards.map((card) => {
    const perVariant = explicit.get(card.id);
    if (perVariant && perVariant.variants.length > 0) {
      const resolved = perVariant.variants.map((variant) => resolvePrice(variant, market, variant.explicit));
      const prices = resolved.map((price) => price.priceCents);
      const compareAts = resolved.flatMap((price) => (price.compareAtPriceCents !== null && price.compareAtPriceCents > price.priceCents ? [price.compareAtPriceCents] : []));
      return {
        ...card,
        priceMinCents: Math.min(...prices),
        priceMaxCents: Math.max(...prices),
        compareAtPriceCents: compareAts.length > 0 ? Math.min(...compareAts) : null,
        currency: market.currency,
      };
    }
    // Conversion never reorders prices (rate > 0, rounding monotone): the cheapest variant stays the cheapest.
    const priceMinCents = convertAmount(card.priceMinCents, card.currency, market);
    const compareAt = card.compareAtPriceCents === null ? null : convertAmount(card.compareAtPriceCents, card.currency, market);
    return {
      ...card,
      priceMinCents,
      priceMaxCents: convertAmount(card.priceMaxCents, card.currency, market),
      compareAtPriceCents: compareAt !== null && compareAt > priceMinCents ? compareAt : null,
      currency: market.currency,
    };
  });
}

export async function priceProductInMarket(product: ProductDetail | null, market: MarketView): Promise<ProductDetail | null> {
  if (!product || market.isDefault) return product;
  const explicit = await getExplicitPrices(market.id, product.variants.map((variant) => variant.id));
  const variants = product.variants.map((variant) => {
    const price = resolvePrice(variant, market, explicit.get(variant.id));
    return { ...variant, priceCents: price.priceCents, compareAtPriceCents: price.compareAtPriceCents, currency: price.currency };
  });
  const prices = variants.map((variant) => variant.priceCents);
  return { ...product, variants, priceMinCents: Math.min(...prices), priceMaxCents: Math.max(...prices), currency: market.currency };
}

/**
 * A listing in the market: its cards, and its price facet under the market's own ranges (`buckets`, in the order the
 * engine counted their translations: ./price-buckets.ts), the one chosen marked against the shopper's query.
 */
export async function priceResultInMarket(result: CatalogResult, market: MarketView, query: CatalogQuery, buckets: PriceBounds): Promise<CatalogResult> {
  const priceBuckets = result.facets.priceBuckets.map((bucket, index) => {
    const [minCents, maxCents] = buckets[index]!;
    const selected = query.priceMinCents === minCents && (maxCents === null ? query.priceMaxCents === undefined : query.priceMaxCents === maxCents - 1);
    return { ...bucket, minCents, maxCents, selected };
  });
  return { ...result, items: await priceCardsInMarket(result.items, market), facets: { ...result.facets, priceBuckets } };
}
