import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { markets, products, variantMarketPrices, variants } from '@/db/schema';
import { getStoreInfo, type StoreInfo } from '@/lib/store/settings';
import type { ExplicitPrice } from './pricing';
import { MARKET_CODE, type ExplicitPriceView, type MarketView } from './types';

// Reads of the markets domain. The default market always exists for a caller: the store's own currency and tax
// display at rate 1 — a row when the merchant has markets, else implicit (id null), so a store without markets
// prices exactly as before they existed.

/** A market's columns as its DTO reads them (the service's audit snapshots too). */
export const marketColumns = {
  id: markets.id,
  code: markets.code,
  name: markets.name,
  countries: markets.countries,
  currency: markets.currency,
  taxDisplay: markets.taxDisplay,
  exchangeRate: markets.exchangeRate,
  roundingRule: markets.roundingRule,
  defaultLocale: markets.defaultLocale,
  isDefault: markets.isDefault,
  position: markets.position,
};

/** The default market is the store itself: its currency and tax display come from the settings, its rate is 1. */
function asDefault(row: MarketView | null, store: StoreInfo): MarketView {
  return {
    id: row?.id ?? null,
    code: row?.code ?? 'default',
    name: row?.name ?? store.name,
    countries: row?.countries ?? [],
    currency: store.currency,
    taxDisplay: store.taxDisplay,
    exchangeRate: '1',
    roundingRule: 'none',
    defaultLocale: row?.defaultLocale ?? 'en',
    isDefault: true,
    position: row?.position ?? 0,
  };
}

/** Every market, the default first, then by position and name. */
export async function listMarkets(executor: Executor = db): Promise<MarketView[]> {
  const [rows, store] = await Promise.all([executor.select(marketColumns).from(markets).orderBy(asc(markets.position), asc(markets.name)), getStoreInfo(executor)]);
  const defaultRow = rows.find((row) => row.isDefault) ?? null;
  const others = rows.filter((row) => !row.isDefault);
  return [asDefault(defaultRow, store), ...others];
}

export function defaultMarket(all: readonly MarketView[]): MarketView {
  return all.find((market) => market.isDefault) ?? all[0]!;
}

/** The market named by a code (cookie, API parameter); the default for none or an unknown one. */
export function marketByCode(all: readonly MarketView[], code: string | null | undefined): MarketView {
  if (code && MARKET_CODE.test(code)) {
    const found = all.find((market) => market.code === code);
    if (found) return found;
  }
  return defaultMarket(all);
}

/** Whether a code names a market (the API refuses an unknown one rather than guessing). */
export function isMarketCode(all: readonly MarketView[], code: string): boolean {
  return all.some((market) => market.code === code);
}

/** The market a country belongs to: the one listing it, else the default (which serves the rest of the world). */
export function marketForCountry(all: readonly MarketView[], countryCode: string): MarketView {
  const code = countryCode.toUpperCase();
  return all.find((market) => !market.isDefault && market.countries.includes(code)) ?? defaultMarket(all);
}

/** Explicit prices of these variants in a market, by variant id. */
export async function getExplicitPrices(marketId: string | null, variantIds: readonly string[], executor: Executor = db): Promise<Map<string, ExplicitPrice>> {
  if (!marketId || variantIds.length === 0) return new Map();
  const rows = await executor
    .select({
      variantId: variantMarketPrices.variantId,
      priceCents: variantMarketPrices.priceCents,
      compareAtPriceCents: variantMarketPrices.compareAtPriceCents,
      currency: variantMarketPrices.currency,
    })
    .from(variantMarketPrices)
    .where(and(eq(variantMarketPrices.marketId, marketId), inArray(variantMarketPrices.variantId, [...variantIds])));
  return new Map(rows.map(({ variantId, ...price }) => [variantId, price]));
}

export type ProductVariantPrices = {
  productId: string;
  variants: { priceCents: number; compareAtPriceCents: number | null; currency: string; explicit: ExplicitPrice | null }[];
};

/**
 * For listings: the products among these that have an explicit price in the market, with every active variant's base
 * and explicit price, so their "from" price can be resolved per variant. Products with none are derived from their
 * base range alone (conversion keeps order, so the cheapest variant stays the cheapest).
 */
export async function listProductsWithExplicitPrices(marketId: string | null, productIds: readonly string[], executor: Executor = db): Promise<ProductVariantPrices[]> {
  if (!marketId || productIds.length === 0) return [];
  const withPrices = executor
    .selectDistinct({ productId: variants.productId })
    .from(variantMarketPrices)
    .innerJoin(variants, eq(variants.id, variantMarketPrices.variantId))
    .where(and(eq(variantMarketPrices.marketId, marketId), inArray(variants.productId, [...productIds])));
  const rows = await executor
    .select({
      productId: variants.productId,
      priceCents: variants.priceCents,
      compareAtPriceCents: variants.compareAtPriceCents,
      currency: variants.currency,
      explicitPriceCents: variantMarketPrices.priceCents,
      explicitCompareAtPriceCents: variantMarketPrices.compareAtPriceCents,
      explicitCurrency: variantMarketPrices.currency,
    })
    .from(variants)
    .leftJoin(variantMarketPrices, and(eq(variantMarketPrices.variantId, variants.id), eq(variantMarketPrices.marketId, marketId)))
    .where(and(eq(variants.isActive, true), inArray(variants.productId, withPrices)));
  const byProduct = new Map<string, ProductVariantPrices>();
  for (const row of rows) {
    let entry = byProduct.get(row.productId);
    if (!entry) byProduct.set(row.productId, (entry = { productId: row.productId, variants: [] }));
    entry.variants.push({
      priceCents: row.priceCents,
      compareAtPriceCents: row.compareAtPriceCents,
      currency: row.currency,
      explicit:
        row.explicitPriceCents === null || row.explicitCurrency === null
          ? null
          : { priceCents: row.explicitPriceCents, compareAtPriceCents: row.explicitCompareAtPriceCents, currency: row.explicitCurrency },
    });
  }
  return [...byProduct.values()];
}

/** The explicit prices set in a market, for its admin page. */
export async function listMarketPrices(marketId: string, executor: Executor = db): Promise<ExplicitPriceView[]> {
  return executor
    .select({
      variantId: variants.id,
      sku: variants.sku,
      productTitle: products.title,
      variantTitle: variants.title,
      productSlug: products.slug,
      basePriceCents: variants.priceCents,
      baseCurrency: variants.currency,
      priceCents: variantMarketPrices.priceCents,
      compareAtPriceCents: variantMarketPrices.compareAtPriceCents,
      currency: variantMarketPrices.currency,
    })
    .from(variantMarketPrices)
    .innerJoin(variants, eq(variants.id, variantMarketPrices.variantId))
    .innerJoin(products, eq(products.id, variants.productId))
    .where(eq(variantMarketPrices.marketId, marketId))
    .orderBy(asc(products.title), asc(variants.sku))
    .limit(500);
}

export async function getMarketById(id: string, executor: Executor = db): Promise<MarketView | null> {
  const all = await listMarkets(executor);
  return all.find((market) => market.id === id) ?? null;
}

/** A product's explicit prices in every market (the product editor's "Prices in other markets"). */
export async function listProductMarketPrices(productId: string, executor: Executor = db) {
  return executor
    .select({
      marketId: variantMarketPrices.marketId,
      variantId: variantMarketPrices.variantId,
      priceCents: variantMarketPrices.priceCents,
      compareAtPriceCents: variantMarketPrices.compareAtPriceCents,
      currency: variantMarketPrices.currency,
    })
    .from(variantMarketPrices)
    .innerJoin(variants, eq(variants.id, variantMarketPrices.variantId))
    .where(eq(variants.productId, productId));
}
