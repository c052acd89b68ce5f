import 'server-only';
import { revalidateTag, unstable_cache } from 'next/cache';
import { purgeCachedPages } from '@/lib/http/page-cache';
import { getStoreInfo } from '@/lib/store/settings';
import { listCategoryTree } from './categories';
import { getProductDetail, listRelatedProducts } from './product';
import { countActiveProducts, listFeaturedProducts, listNewestProducts, listTopCategories } from './queries';
import type { CatalogQuery } from './schemas';
import { searchCatalog } from './search';

// Catalog reads shared by every shopper are cached with tags; writes to products, categories or settings call the
// invalidators below, so a change shows at once on this instance and within REVALIDATE_S on the others.
// Carts, checkout and accounts are never cached. The invalidators also purge the rendered pages that anonymous
// visitors get from the page cache (lib/http/page-cache.ts), which sits on top of these reads.
//
// Why unstable_cache and not 'use cache': 'use cache' needs Cache Components, which prerenders database-backed
// layout and page content at build time — and the image is built without a database. Whole pages are cached by the
// page cache instead, which can give each response its own CSP nonce.

export const CACHE_TAGS = {
  /** Everything derived from products: listings, facets, counts, product pages. */
  catalog: 'catalog',
  product: (slug: string) => `product:${slug}`,
  categories: 'categories',
  settings: 'store-settings',
} as const;

/** Upper bound on staleness on instances that did not take the write themselves. */
const REVALIDATE_S = 60;

export const getCachedStoreInfo = unstable_cache(async () => getStoreInfo(), ['store-info-v1'], {
  tags: [CACHE_TAGS.settings],
  revalidate: REVALIDATE_S,
});

export const getCachedHomeData = unstable_cache(
  async () => {
    const [featured, newest, categories, productCount] = await Promise.all([
      listFeaturedProducts(8),
      listNewestProducts(8),
      listTopCategories(),
      countActiveProducts(),
    ]);
    return { featured, newest, categories, productCount };
  },
  ['home-v1'],
  { tags: [CACHE_TAGS.catalog, CACHE_TAGS.categories], revalidate: REVALIDATE_S },
);

export const getCachedCategoryTree = unstable_cache(async () => listCategoryTree(), ['category-tree-v1'], {
  tags: [CACHE_TAGS.categories],
  revalidate: REVALIDATE_S,
});

const cachedBrowse = unstable_cache(async (query: CatalogQuery) => searchCatalog(query), ['catalog-browse-v1'], {
  tags: [CACHE_TAGS.catalog, CACHE_TAGS.categories],
  revalidate: REVALIDATE_S,
});

/**
 * Browsing (category + filters + sort + page) is cached per query. Free-text searches are not: their variety would
 * fill the cache with one-off entries, and the GIN indexes answer them directly.
 */
export function searchCatalogCached(query: CatalogQuery) {
  return query.q ? searchCatalog(query) : cachedBrowse(query);
}

export function getCachedProductDetail(slug: string) {
  return unstable_cache(async () => getProductDetail(slug), ['product-detail-v1', slug], {
    tags: [CACHE_TAGS.catalog, CACHE_TAGS.product(slug)],
    revalidate: REVALIDATE_S,
  })();
}

export function getCachedRelatedProducts(productId: string, slug: string) {
  return unstable_cache(async () => listRelatedProducts(productId, 4), ['related-v1', productId], {
    tags: [CACHE_TAGS.catalog, CACHE_TAGS.product(slug)],
    revalidate: REVALIDATE_S,
  })();
}

/** After a product (or its variants, images, stock) changes. Expires at once: staff expect to see their edit. */
export function invalidateProduct(slug: string): void {
  revalidateTag(CACHE_TAGS.product(slug), { expire: 0 });
  revalidateTag(CACHE_TAGS.catalog, { expire: 0 });
  // Titles, prices and images show on listings and search results too.
  purgeCachedPages();
}

/**
 * After an order changes stock: the bought products' pages refresh at once (a variant that just sold out must not
 * look buyable). Listings are left to their REVALIDATE_S window — flushing every listing on every order would
 * empty the cache exactly when traffic peaks; checkout re-checks stock anyway.
 */
export function invalidateProductPages(slugs: readonly string[]): void {
  for (const slug of slugs) revalidateTag(CACHE_TAGS.product(slug), { expire: 0 });
  purgeCachedPages(slugs.map((slug) => `/products/${slug}`));
}

export function invalidateCategories(): void {
  revalidateTag(CACHE_TAGS.categories, { expire: 0 });
  purgeCachedPages();
}

export function invalidateStoreSettings(): void {
  revalidateTag(CACHE_TAGS.settings, { expire: 0 });
  purgeCachedPages();
}
