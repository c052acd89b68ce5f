import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { isAllowedCorsOrigin, isStoreApiPath } from './cors';

// CSRF for JSON routes that change state. Browsers send `Origin` on every cross-site POST/PUT/PATCH/DELETE, so a
// request whose Origin is not this site's (SITE_URL) is refused with 403 — including Origin "null" (sandboxed
// frames, data: URLs). A request with no Origin is not from a modern browser's cross-site page; it is accepted for
// the Store API (documented: server-side and mobile clients send no Origin) and for requests carrying no cookies
// (webhooks), and refused otherwise, so a cookie-authenticated route never relies on a header's absence.
// The Store API also accepts the separate storefronts listed in STORE_API_CORS_ORIGINS (./cors.ts).
// Server actions are checked by Next itself (Origin against Host) before they run.

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function siteOrigin(): string {
  return new URL(env.SITE_URL).origin;
}

export function assertSameOrigin(request: Request, pathname: string): void {
  if (!STATE_CHANGING.has(request.method.toUpperCase())) return;
  const origin = request.headers.get('origin');
  const fetchSite = request.headers.get('sec-fetch-site');
  if (origin !== null) {
    if (origin !== siteOrigin() && !(isStoreApiPath(pathname) && isAllowedCorsOrigin(origin))) throw new AppError('forbidden', 'Cross-origin requests are not accepted here.');
    return;
  }
  if (fetchSite === 'cross-site') throw new AppError('forbidden', 'Cross-origin requests are not accepted here.');
  if (isStoreApiPath(pathname)) return;
  if (!request.headers.get('cookie')) return;
  throw new AppError('forbidden', 'Send an Origin header with requests that change data.');
}
