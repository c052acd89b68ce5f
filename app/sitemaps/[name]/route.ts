// GET /sitemaps/[de-|fr-]{categories|pages|products-N}.xml — one sitemap file of the index at /sitemap.xml, its pages at
// their addresses in that language (English without a prefix).
import { z } from 'zod';
import { listSitemapCategories, listSitemapProducts, renderUrlSet } from '@/lib/catalog/sitemap';
import { env } from '@/lib/env';
import { listPublishedPageSlugs, pagePath } from '@/lib/store/content/queries';
import { AppError } from '@/lib/errors';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/config';
import { route } from '@/lib/auth/guards';

const params = z.object({ name: z.string().regex(/^(?:(?:de|fr)-)?(?:categories|pages|products-\d{1,6})\.xml$/, 'Unknown sitemap') });

export const GET = route({ params }, async ({ params }) => {
  const prefix = /^(de|fr)-/.exec(params.name);
  const locale: Locale = prefix && isLocale(prefix[1]) ? prefix[1] : DEFAULT_LOCALE;
  const name = prefix ? params.name.slice(3) : params.name;
  const match = /^products-(\d+)\.xml$/.exec(name);
  const entries = match
    ? await listSitemapProducts(Number(match[1]))
    : name === 'pages.xml'
      ? (await listPublishedPageSlugs()).map((page) => ({ path: pagePath(page.slug), lastModified: page.updatedAt }))
      : await listSitemapCategories();
  if (match && entries.length === 0) throw new AppError('not_found', 'No such sitemap.');
  return new Response(renderUrlSet(entries, env.SITE_URL, locale), {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  });
});
