// GET /sitemap.xml — sitemap index: per language, the categories and content pages sitemaps and one product sitemap
// per 50,000 products.
import { countSitemapProductPages, renderSitemapIndex, sitemapFiles } from '@/lib/catalog/sitemap';
import { env } from '@/lib/env';
import { route } from '@/lib/auth/guards';

export const GET = route({}, async () => {
  return new Response(renderSitemapIndex(sitemapFiles(await countSitemapProductPages()), env.SITE_URL), {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  });
});
