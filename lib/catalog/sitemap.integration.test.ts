import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, db, type DatabaseConnection } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { products } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { createScratchDatabase, type ScratchDatabase } from '@/db/testing/databases';
import { createLocalMediaStore } from '@/lib/storage';
import { countSitemapProductPages, listSitemapCategories, listSitemapProducts, renderUrlSet, SITEMAP_MAX_URLS, sitemapFiles } from './sitemap';

async function allSitemapSlugs(executor: DatabaseConnection['db'] | typeof db, pageSize?: number) {
  const pages = await countSitemapProductPages(executor, pageSize);
  const slugs: string[] = [];
  for (let page = 0; page < pages; page += 1) {
    for (const entry of await listSitemapProducts(page, executor, pageSize)) slugs.push(entry.path.replace('/products/', ''));
  }
  return { pages, slugs };
}

describe('sitemaps on the demo store', () => {
  it('split across files, still list every active product exactly once and nothing else', async () => {
    const active = (await db.select({ slug: products.slug }).from(products).where(eq(products.status, 'active'))).map((row) => row.slug);
    const { pages, slugs } = await allSitemapSlugs(db, 64);
    expect(pages).toBe(Math.ceil(active.length / 64));
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(new Set(slugs)).toEqual(new Set(active));
  });

  it('renders valid, escaped XML with absolute URLs, and lists every category', async () => {
    const categoriesXml = renderUrlSet(await listSitemapCategories(), 'https://shop.example.com');
    expect(categoriesXml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9" xmlns:xhtml="http:\/\/www.w3.org\/1999\/xhtml">/);
    expect(categoriesXml).toContain('<loc>https://shop.example.com/categories/');
    expect(renderUrlSet([{ path: '/a?b=1&c=<2>', lastModified: new Date(0) }], 'https://x.test')).toContain('a?b=1&amp;c=%3C2%3E');
  });

  it('has a file set per language, each page at its address in that language with every language as an alternate', () => {
    expect(sitemapFiles(2)).toEqual([
      ...['/sitemaps/categories.xml', '/sitemaps/pages.xml', '/sitemaps/products-0.xml', '/sitemaps/products-1.xml'],
      ...['/sitemaps/de-categories.xml', '/sitemaps/de-pages.xml', '/sitemaps/de-products-0.xml', '/sitemaps/de-products-1.xml'],
      ...['/sitemaps/fr-categories.xml', '/sitemaps/fr-pages.xml', '/sitemaps/fr-products-0.xml', '/sitemaps/fr-products-1.xml'],
    ]);
    const entries = [{ path: '/', lastModified: new Date(0) }, { path: '/products/wool-coat', lastModified: new Date(0) }];
    const german = renderUrlSet(entries, 'https://shop.example.com', 'de');
    expect([...german.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])).toEqual(['https://shop.example.com/de', 'https://shop.example.com/de/products/wool-coat']);
    const coat = german.split('<url>')[2]!;
    expect([...coat.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((match) => `${match[1]} ${match[2]}`)).toEqual([
      'en https://shop.example.com/products/wool-coat',
      'de https://shop.example.com/de/products/wool-coat',
      'fr https://shop.example.com/fr/products/wool-coat',
      'x-default https://shop.example.com/products/wool-coat',
    ]);
    expect(renderUrlSet(entries, 'https://shop.example.com')).toContain('<loc>https://shop.example.com/products/wool-coat</loc>');
  });
});

// The large catalog needs a PostgreSQL server (seeding 50,000 products into PGlite would dominate the suite):
// DATABASE_URL's server, or the local default.
describe('sitemaps on the 50,000-product catalog', () => {
  let scratch: ScratchDatabase;
  let connection: DatabaseConnection;
  let mediaDir: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', 'storefront_sitemap');
    connection = connectPostgres({ url: scratch.url, poolMax: 4, connectTimeoutS: 5, prepare: true });
    mediaDir = await mkdtemp(path.join(os.tmpdir(), 'sitemap-media-'));
    await runMigrations(connection);
    await seedDatabase(connection.db, { products: 50_000, mediaStore: createLocalMediaStore(mediaDir), log: () => {} });
  }, 300_000);

  afterAll(async () => {
    await connection?.close();
    await scratch?.drop();
    if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
  });

  it('lists every active product, within the 50,000-URL limit per file', async () => {
    const active = await connection.db.$count(products, eq(products.status, 'active'));
    expect(active).toBe(50_000);
    const { pages, slugs } = await allSitemapSlugs(connection.db);
    expect(pages).toBe(Math.ceil(active / SITEMAP_MAX_URLS));
    expect(slugs).toHaveLength(active);
    expect(new Set(slugs).size).toBe(active);
  });
});
