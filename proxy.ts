import { NextResponse, type NextRequest } from 'next/server';
import { env, isProduction } from '@/lib/env';
import { FILL_HEADER, pageCacheKey, type RenderedPage, servePage, sharedPageCache } from '@/lib/http/page-cache';
import { requestIdFrom } from '@/lib/http/request-id';
import { contentSecurityPolicy, isPersonalisedPath, referrerPolicyFor } from '@/lib/http/security-headers';

// Runs on every page, server action and route-handler request. Its jobs — no session, and never an access lock
// (pages and handlers check sessions themselves):
//  1. an `x-request-id` on the request and the response, so a support ticket quoting it leads to the log lines;
//  2. the per-request security headers: a CSP with a fresh nonce (also set on the *request*, where Next reads it
//     and puts the nonce on its own scripts — pages are dynamic via connection(), so every render gets one),
//     Referrer-Policy (no-referrer where the URL carries a token) and Cache-Control for personalised paths;
//  3. in production, anonymous catalog pages from the page cache (lib/http/page-cache.ts), with this request's nonce.
// Static headers (nosniff, HSTS, Permissions-Policy, …) come from next.config.ts so static files get them too.
export async function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const pageCache = isProduction && env.PAGE_CACHE_MB > 0 ? sharedPageCache({ maxBytes: env.PAGE_CACHE_MB * 2 ** 20, ttlMs: env.PAGE_CACHE_TTL_S * 1000 }) : null;
  // The page cache's own render request brings the nonce the cached copy is cut at.
  const fill = request.headers.get(FILL_HEADER)?.split(' ');
  const isFill = pageCache !== null && fill?.length === 2 && fill[0] === pageCache.fillSecret;
  const nonce = isFill ? fill[1]! : newNonce();
  const { pathname, search } = request.nextUrl;
  const csp = contentSecurityPolicy({ nonce, pathname, production: isProduction, https: env.SITE_URL.startsWith('https:') });

  const key = pageCache && !isFill ? pageCacheKey({ method: request.method, pathname, search, headers: request.headers }) : null;
  if (pageCache && key) {
    const found = await pageCache.cache.getOrRender(key, () => renderForCache(request, newNonce(), pageCache.fillSecret));
    if (found) {
      const page = servePage(found.page, nonce);
      const response = new NextResponse(page.body, { status: 200, headers: page.headers });
      response.headers.set('x-request-id', requestId);
      response.headers.set('content-security-policy', csp);
      response.headers.set('referrer-policy', referrerPolicyFor(pathname));
      response.headers.set('x-page-cache', found.hit ? 'hit' : 'miss');
      return response;
    }
  }

  const headers = new Headers(request.headers);
  headers.delete(FILL_HEADER);
  headers.set('x-request-id', requestId);
  headers.set('content-security-policy', csp);
  headers.set('x-nonce', nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('x-request-id', requestId);
  response.headers.set('content-security-policy', csp);
  response.headers.set('referrer-policy', referrerPolicyFor(pathname));
  if (isPersonalisedPath(pathname)) response.headers.set('cache-control', 'private, no-store');
  return response;
}

function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Renders the page as an anonymous visitor would get it, through this server on loopback, with the nonce the
 * cached copy will be cut at. Null when the server cannot be reached that way: the caller then renders as usual.
 */
async function renderForCache(request: NextRequest, nonce: string, fillSecret: string): Promise<RenderedPage | null> {
  const { pathname, search } = request.nextUrl;
  try {
    const response = await fetch(`http://127.0.0.1:${env.PORT}${pathname}${search}`, {
      headers: {
        [FILL_HEADER]: `${fillSecret} ${nonce}`,
        accept: 'text/html',
        // Loopback: compressing here only to decompress at once would cost the render's CPU a second time.
        'accept-encoding': 'identity',
        'user-agent': request.headers.get('user-agent') ?? '',
      },
      cache: 'no-store',
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    return { status: response.status, html: await response.text(), nonce, headers: response.headers };
  } catch {
    return null;
  }
}

export const config = {
  // Static assets and optimised images are served as files; they need no id and run no scripts.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
