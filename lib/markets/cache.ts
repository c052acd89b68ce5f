import 'server-only';
import { publishInvalidation } from '@/lib/cache/broadcast';
import { DataCache, sharedDataCache } from '@/lib/cache/data-cache';
import { env } from '@/lib/env';
import { logger } from '@/lib/log';
import { purgeCachedPages } from '@/lib/server/page-cache';
import { listMarkets } from './queries';
import type { MarketView } from './types';

// The market list is read on every storefront request (which market is the shopper in?), so it is cached in the
// process's data cache like the catalogue. Localised catalogue reads are cached per market under the market's tag
// (lib/catalog/cache.ts): a market's edit, or an explicit price in it, drops only that market's entries. An explicit
// price drops only that market's rendered pages too (their cache keys carry the market: lib/server/page-cache.ts); an
// edit of the market itself drops every page, since the selector on each lists the markets.

export const MARKETS_CACHE_TAG = 'markets';
/** The store settings' tag (lib/catalog/cache.ts CACHE_TAGS.settings): the default market is the store's currency. */
const SETTINGS_TAG = 'store-settings';
const REVALIDATE_S = 60;

export const marketCacheTag = (code: string) => `market:${code}`;

function cache(): DataCache {
  return sharedDataCache(
    () => new DataCache(env.DATA_CACHE_MB * 2 ** 20, Date.now, (key, error) => logger.warn({ err: error, key: key.split(' ')[0] }, 'markets cache refresh failed; serving the previous copy')),
  );
}

export function getCachedMarkets(): Promise<MarketView[]> {
  if (env.DATA_CACHE_MB === 0) return listMarkets();
  return cache().get('markets', { tags: [MARKETS_CACHE_TAG, SETTINGS_TAG], ttlMs: REVALIDATE_S * 1000 }, () => listMarkets());
}

function invalidate(tags: string[], market?: string): void {
  const invalidation = { tags, pages: 'all' as const, ...(market ? { market } : {}) };
  if (env.DATA_CACHE_MB > 0) cache().invalidate(tags);
  purgeCachedPages(undefined, market);
  publishInvalidation(invalidation);
}

/** After a market is created, changed or deleted: the list, everything priced in it, and every page. */
export function invalidateMarket(code: string): void {
  invalidate([MARKETS_CACHE_TAG, marketCacheTag(code)]);
}

/**
 * After an explicit price in one market changes (only markets other than the default have them): that market's priced
 * reads and its copies of the pages. The other markets' pages stay cached.
 */
export function invalidateMarketPrices(code: string): void {
  invalidate([marketCacheTag(code)], code);
}
