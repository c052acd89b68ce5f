// GET /sitemaps/{categories|products-N}.xml — one sitemap file of the index at /sitemap.xml.
import { z } from 'zod';
import { listSitemapCategories, listSitemapProducts, renderUrlSet } from '@/lib/catalog/sitemap';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/auth/guards';

const params = z.object({ name: z.string().regex(/^(categories|products-\d{1,6})\.xml$/, 'Unknown sitemap') });

export const GET = route({ params }, async ({ params }) => {
  const match = /^products-(\d+)\.xml$/.exec(params.name);
  const entries = match ? await listSitemapProducts(Number(match[1])) : await listSitemapCategories();
  if (match && entries.length === 0) throw new AppError('not_found', 'No such sitemap.');
  return new Response(renderUrlSet(entries, env.SITE_URL), {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  });
});
