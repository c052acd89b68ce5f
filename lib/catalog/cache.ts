import 'server-only';
import { type Invalidation, publishInvalidation } from '@/lib/cache/broadcast';
import { DataCache, sharedDataCache } from '@/lib/cache/data-cache';
import { env } from '@/lib/env';
import { purgeCachedPages } from '@/lib/server/page-cache';
import { logger } from '@/lib/log';
import { getStoreInfo } from '@/lib/store/settings';
import { getCategoryBySlug, listCategoryAncestors, listCategoryTree } from '@/lib/catalog/categories/queries';
import { marketCacheTag, MARKETS_CACHE_TAG } from '@/lib/markets/cache';
import type { MarketView } from '@/lib/markets/types';
import { listProductPromotionBadges } from '@/lib/promotions/queries';
import { priceCardsInMarket, priceProductInMarket, priceResultInMarket } from './market-prices';
import { getProductDetail, listRelatedProducts } from './product';
import { countActiveProducts, listFeaturedProducts, listNewestProducts, listTopCategories } from './queries';
import { translatePriceFilter } from './price-buckets';
import type { CatalogQuery } from './schemas';
import { type CatalogResult, searchCatalog } from './search';
import { loadSearchVocabulary } from './search-vocabulary';
import { suggestSearch } from './suggest';

// Catalog reads shared by every shopper are cached in process with tags (lib/cache/data-cache.ts: one load per key
// at a time, stale-while-revalidate); writes to products, categories or settings call the invalidators below, so a
// change shows at once on this instance and, through Redis, on the others (lib/cache/broadcast.ts); REVALIDATE_S
// bounds staleness when a message is lost.
// Carts, checkout and accounts are never cached. The invalidators also purge the rendered pages that anonymous
// visitors get from the page cache (lib/server/page-cache.ts), which sits on top of these reads.
//
// Why not 'use cache': it needs Cache Components, which prerenders database-backed layout and page content at build
// time — and the image is built without a database. Whole pages are cached by the page cache instead, which can
// give each response its own CSP nonce.

export const CACHE_TAGS = {
  /** Everything derived from products: listings, facets, counts, product pages. */
  catalog: 'catalog',
  product: (slug: string) => `product:${slug}`,
  categories: 'categories',
  settings: 'store-settings',
  /** The merchant's search synonyms (read into the search vocabulary). */
  synonyms: 'search-synonyms',
  /** Automatic promotions as product pages advertise them. */
  promotions: 'promotions',
} as const;

/** Upper bound on staleness on instances that did not take the write themselves. */
const REVALIDATE_S = 60;

function cache(): DataCache {
  return sharedDataCache(
    () =>
      new DataCache(env.DATA_CACHE_MB * 2 ** 20, Date.now, (key, error) =>
        logger.warn({ err: error, key: key.split(' ')[0] }, 'catalog cache refresh failed; serving the previous copy'),
      ),
  );
}

/** `load` through the process's catalog cache under `key`, invalidated by any of `tags`. */
function cached<T>(key: string, tags: readonly string[], load: () => Promise<T>): Promise<T> {
  if (env.DATA_CACHE_MB === 0) return load();
  return cache().get(key, { tags, ttlMs: REVALIDATE_S * 1000 }, load);
}

/**
 * A read priced in a market: cached per market (the key and a tag carry its code), built from the base-currency read
 * (itself cached once for all markets) and priced by `price`. The default market is the base read itself.
 */
function cachedInMarket<T>(key: string, tags: readonly string[], market: MarketView, base: () => Promise<T>, price: (value: T) => Promise<T>): Promise<T> {
  if (market.isDefault) return base();
  return cached(`${key} @${market.code}`, [...tags, MARKETS_CACHE_TAG, marketCacheTag(market.code)], async () => price(await base()));
}

export function getCachedStoreInfo() {
  return cached('store-info', [CACHE_TAGS.settings], () => getStoreInfo());
}

export function getCachedHomeData(market: MarketView) {
  return cachedInMarket('home', [CACHE_TAGS.catalog, CACHE_TAGS.categories], market, getCachedBaseHomeData, async (home) => {
    const [featured, newest] = await Promise.all([priceCardsInMarket(home.featured, market), priceCardsInMarket(home.newest, market)]);
    return { ...home, featured, newest };
  });
}

function getCachedBaseHomeData() {
  return cached('home', [CACHE_TAGS.catalog, CACHE_TAGS.categories], async () => {
    const [featured, newest, categories, productCount] = await Promise.all([
      listFeaturedProducts(8),
      listNewestProducts(8),
      listTopCategories(),
      countActiveProducts(),
    ]);
    return { featured, newest, categories, productCount };
  });
}

export function getCachedCategoryTree() {
  return cached('category-tree', [CACHE_TAGS.categories], () => listCategoryTree());
}

/** A category and its breadcrumb trail, cached with the category tree. */
export function getCachedCategoryPageInfo(slug: string) {
  return cached(`category-page ${slug}`, [CACHE_TAGS.categories], async () => {
    const category = await getCategoryBySlug(slug);
    if (!category) return null;
    return { category, ancestors: await listCategoryAncestors(category.path) };
  });
}

/**
 * Browsing (category + filters + sort + page) is cached per query. Free-text searches are not: their variety would
 * fill the cache with one-off entries, and the GIN indexes answer them directly. The query's prices are in the
 * market's currency; outside the default market they are translated for the engine (./price-buckets.ts).
 */
export async function searchCatalogCached(query: CatalogQuery, market: MarketView) {
  if (market.isDefault) {
    if (query.q) return searchCatalog(query, undefined, getCachedSearchVocabulary);
    const key = `browse ${JSON.stringify(query)}`;
    return cached(key, [CACHE_TAGS.catalog, CACHE_TAGS.categories], () => searchCatalog(query));
  }
  const store = await getCachedStoreInfo();
  const filter = translatePriceFilter(query, store.currency, market);
  const search = () => searchCatalog(filter.engineQuery, undefined, getCachedSearchVocabulary, filter.engineBuckets);
  const inMarket = (result: CatalogResult) => priceResultInMarket(result, market, query, filter.buckets);
  if (query.q) return inMarket(await search());
  return cachedInMarket(`browse ${JSON.stringify(query)}`, [CACHE_TAGS.catalog, CACHE_TAGS.categories], market, search, inMarket);
}

/**
 * The words search reads queries against (lib/catalog/search-vocabulary.ts): built from every active product, so
 * cached with the catalogue; a product, category or synonym change rebuilds it.
 */
export function getCachedSearchVocabulary() {
  return cached('search-vocabulary', [CACHE_TAGS.catalog, CACHE_TAGS.categories, CACHE_TAGS.synonyms], () => loadSearchVocabulary());
}

/**
 * Predictive search, cached per text: shoppers type the same beginnings ("j", "ja", "jac"), so most keystrokes are
 * answered from memory; a catalogue or synonym change drops them with the vocabulary.
 */
export function getCachedSearchSuggestions(text: string, market: MarketView) {
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ') + (/\s$/.test(text) ? ' ' : '');
  const tags = [CACHE_TAGS.catalog, CACHE_TAGS.categories, CACHE_TAGS.synonyms];
  const base = () => cached(`suggest ${key}`, tags, () => suggestSearch(key, undefined, getCachedSearchVocabulary));
  return cachedInMarket(`suggest ${key}`, tags, market, base, async (suggestions) => ({ ...suggestions, products: await priceCardsInMarket(suggestions.products, market) }));
}

export function getCachedProductDetail(slug: string, market: MarketView) {
  const tags = [CACHE_TAGS.catalog, CACHE_TAGS.product(slug)];
  const base = () => cached(`product ${slug}`, tags, () => getProductDetail(slug));
  return cachedInMarket(`product ${slug}`, tags, market, base, (product) => priceProductInMarket(product, market));
}

export function getCachedRelatedProducts(productId: string, slug: string, market: MarketView) {
  const tags = [CACHE_TAGS.catalog, CACHE_TAGS.product(slug)];
  const base = () => cached(`related ${productId}`, tags, () => listRelatedProducts(productId, 4));
  return cachedInMarket(`related ${productId}`, tags, market, base, (cards) => priceCardsInMarket(cards, market));
}

/**
 * A product's promotion badges: the same for every shopper (lib/promotions/queries.ts), so cached and shown on the
 * cached page. A promotion that starts on its schedule shows within REVALIDATE_S.
 */
export function getCachedPromotionBadges(productId: string, slug: string) {
  return cached(`promotion-badges ${productId}`, [CACHE_TAGS.promotions, CACHE_TAGS.product(slug)], () => listProductPromotionBadges(productId));
}

/** After a promotion changes: its products' pages (or, for a wider scope, every page) show the new badges. */
export function invalidatePromotions(affected: readonly string[] | 'all'): void {
  if (affected === 'all') {
    invalidateEverywhere({ tags: [CACHE_TAGS.promotions], pages: 'all' });
    return;
  }
  invalidateEverywhere({
    tags: [CACHE_TAGS.promotions],
    pages: affected.flatMap((slug) => [`/products/${slug}`, `/api/store/v1/products/${slug}`]),
  });
}

/** Drops cached reads (by tag) and pages (by path, or all; of one market, or of every one) on this instance. */
export function applyInvalidation({ tags, pages, market }: Invalidation): void {
  if (tags.length > 0) cache().invalidate(tags);
  if (pages === 'all') purgeCachedPages(undefined, market);
  else if (pages.length > 0) purgeCachedPages(pages, market);
}

/** Drops everything cached on this instance (the invalidation channel reconnected and may have missed writes). */
export function dropAllCached(): void {
  cache().clear();
  purgeCachedPages();
}

/** Here at once, and on every other instance through Redis (lib/cache/broadcast.ts). */
function invalidateEverywhere(invalidation: Invalidation): void {
  applyInvalidation(invalidation);
  publishInvalidation(invalidation);
}

/** After a product (or its variants, images, stock) changes. Expires at once: staff expect to see their edit. */
export function invalidateProduct(slug: string): void {
  // Titles, prices and images show on listings and search results too: every page goes.
  invalidateEverywhere({ tags: [CACHE_TAGS.product(slug), CACHE_TAGS.catalog], pages: 'all' });
}

/**
 * After an order changes stock: the bought products' pages refresh at once (a variant that just sold out must not
 * look buyable). Listings are left to their REVALIDATE_S window — flushing every listing on every order would
 * empty the cache exactly when traffic peaks; checkout re-checks stock anyway.
 */
export function invalidateProductPages(slugs: readonly string[]): void {
  invalidateEverywhere({
    tags: slugs.map(CACHE_TAGS.product),
    pages: slugs.flatMap((slug) => [`/products/${slug}`, `/api/store/v1/products/${slug}`]),
  });
}

/** After the category tree changes: category paths show in product pages' breadcrumbs and listings too. */
export function invalidateCategories(): void {
  invalidateEverywhere({ tags: [CACHE_TAGS.categories, CACHE_TAGS.catalog], pages: 'all' });
}

/** After the search synonyms change: searches read them through the vocabulary, and cached pages show results. */
export function invalidateSearchSynonyms(): void {
  invalidateEverywhere({ tags: [CACHE_TAGS.synonyms], pages: 'all' });
}

export function invalidateStoreSettings(): void {
  invalidateEverywhere({ tags: [CACHE_TAGS.settings], pages: 'all' });
}
