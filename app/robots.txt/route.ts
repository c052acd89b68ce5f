// GET /robots.txt — crawl the catalog, not carts, accounts, checkout, the admin or the API.
import { env } from '@/lib/env';
import { route } from '@/lib/auth/guards';

export const GET = route({}, () => {
  const body = [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin',
    'Disallow: /account',
    'Disallow: /cart',
    'Disallow: /checkout',
    'Disallow: /api/',
    'Disallow: /search',
    '',
    `Sitemap: ${new URL('/sitemap.xml', env.SITE_URL).toString()}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
});
