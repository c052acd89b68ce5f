// GET /sitemap.xml — sitemap index: the categories sitemap and one product sitemap per 50,000 products.
import { countSitemapProductPages, renderSitemapIndex } from '@/lib/catalog/sitemap';
import { env } from '@/lib/env';
import { route } from '@/lib/auth/guards';

export const GET = route({}, async () => {
  const pages = await countSitemapProductPages();
  const paths = ['/sitemaps/categories.xml', ...Array.from({ length: pages }, (_, page) => `/sitemaps/products-${page}.xml`)];
  return new Response(renderSitemapIndex(paths, env.SITE_URL), {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  });
});
