import 'server-only';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { categories, products } from '@/db/schema';
import { DEFAULT_LOCALE, type Locale, LOCALES, localisePath } from '@/lib/i18n/config';

/** The sitemaps protocol allows 50,000 URLs per file; larger catalogs are split and listed in a sitemap index. */
export const SITEMAP_MAX_URLS = 50_000;

export type SitemapEntry = { path: string; lastModified: Date };

const listed = and(eq(products.status, 'active'), isNotNull(products.priceMinCents));

export async function countSitemapProductPages(executor: Executor = db, pageSize = SITEMAP_MAX_URLS): Promise<number> {
  const count = await executor.$count(products, listed);
  return Math.max(1, Math.ceil(count / pageSize));
}

/** One file's worth of product URLs, in a stable order (by slug, which is unique). */
export async function listSitemapProducts(page: number, executor: Executor = db, pageSize = SITEMAP_MAX_URLS): Promise<SitemapEntry[]> {
  const rows = await executor
    .select({ slug: products.slug, updatedAt: products.updatedAt })
    .from(products)
    .where(listed)
    .orderBy(asc(products.slug))
    .limit(pageSize)
    .offset(page * pageSize);
  return rows.map((row) => ({ path: `/products/${row.slug}`, lastModified: row.updatedAt }));
}

export async function listSitemapCategories(executor: Executor = db): Promise<SitemapEntry[]> {
  const rows = await executor.select({ slug: categories.slug, updatedAt: categories.updatedAt }).from(categories).orderBy(asc(categories.path));
  return [{ path: '/', lastModified: new Date() }, ...rows.map((row) => ({ path: `/categories/${row.slug}`, lastModified: row.updatedAt }))];
}

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!);

/**
 * One sitemap file: each page at its address in `locale` (English unprefixed, `/de/...`, `/fr/...`), with its
 * addresses in every language as hreflang alternates (x-default: the English one), as search engines read them.
 */
export function renderUrlSet(entries: SitemapEntry[], siteUrl: string, locale: Locale = DEFAULT_LOCALE): string {
  const href = (path: string, language: Locale) => escapeXml(new URL(localisePath(path, language), siteUrl).toString());
  const urls = entries
    .map((entry) => {
      const alternates = LOCALES.map((language) => `<xhtml:link rel="alternate" hreflang="${language}" href="${href(entry.path, language)}"/>`).join('');
      const fallback = `<xhtml:link rel="alternate" hreflang="x-default" href="${href(entry.path, DEFAULT_LOCALE)}"/>`;
      return `<url><loc>${href(entry.path, locale)}</loc><lastmod>${entry.lastModified.toISOString()}</lastmod>${alternates}${fallback}</url>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${urls}</urlset>`;
}

/** The files of the sitemap index: per language (English unprefixed, then `de-…`, `fr-…`), categories, pages, products. */
export function sitemapFiles(productPages: number): string[] {
  const names = ['categories.xml', 'pages.xml', ...Array.from({ length: productPages }, (_, page) => `products-${page}.xml`)];
  return LOCALES.flatMap((locale) => names.map((name) => `/sitemaps/${locale === DEFAULT_LOCALE ? '' : `${locale}-`}${name}`));
}

export function renderSitemapIndex(paths: string[], siteUrl: string): string {
  const items = paths.map((path) => `<sitemap><loc>${escapeXml(new URL(path, siteUrl).toString())}</loc></sitemap>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${items}</sitemapindex>`;
}
