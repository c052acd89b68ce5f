import 'server-only';
import { publishInvalidation } from '@/lib/cache/broadcast';
import { DataCache, sharedDataCache } from '@/lib/cache/data-cache';
import { env } from '@/lib/env';
import { purgeCachedPages } from '@/lib/server/page-cache';
import { logger } from '@/lib/log';
import type { MenuName } from '@/db/schema';
import { getHomePage, getPublishedPage, listMenu } from './queries';

// Content every shopper reads alike (published pages, menus, the home page's composition) is cached in the
// process's data cache under one tag, beside the catalogue's entries. An admin's edit drops the tag and purges every
// rendered page at once — the footer menu is on all of them — here and, through Redis, on every other instance
// (whose subscriber drops tags in this same shared cache). REVALIDATE_S bounds staleness if a message is lost.

export const CONTENT_CACHE_TAG = 'content';
const REVALIDATE_S = 60;

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (env.DATA_CACHE_MB === 0) return load();
  const cache = sharedDataCache(
    () => new DataCache(env.DATA_CACHE_MB * 2 ** 20, Date.now, (failedKey, error) => logger.warn({ err: error, key: failedKey.split(' ')[0] }, 'content cache refresh failed; serving the previous copy')),
  );
  return cache.get(key, { tags: [CONTENT_CACHE_TAG], ttlMs: REVALIDATE_S * 1000 }, load);
}

export function getCachedPublishedPage(slug: string) {
  return cached(`content-page ${slug}`, () => getPublishedPage(slug));
}

export function getCachedMenu(menu: MenuName) {
  return cached(`content-menu ${menu}`, () => listMenu(menu));
}

export function getCachedHomePage(fallbackHeading: string) {
  return cached(`content-home ${fallbackHeading}`, () => getHomePage(fallbackHeading));
}

/** After any content write: here at once, and on every other instance through Redis. */
export function invalidateContent(): void {
  const invalidation = { tags: [CONTENT_CACHE_TAG], pages: 'all' as const };
  sharedDataCache(() => new DataCache(env.DATA_CACHE_MB * 2 ** 20)).invalidate(invalidation.tags);
  purgeCachedPages();
  publishInvalidation(invalidation);
}
