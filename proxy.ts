import { NextResponse, type NextRequest } from 'next/server';
import { env, isProduction } from '@/lib/env';
import { isLocale, LOCALE_HEADER, splitLocale } from '@/lib/i18n/config';
import { preflightResponse } from '@/lib/http/cors';
import { FILL_HEADER, pageCacheFillSecret } from '@/lib/server/page-cache';
import { LOCALE_REWRITE_HEADER, localeRewriteValue, readLocaleRewrite } from '@/lib/server/locale-rewrite';
import { requestIdFrom } from '@/lib/server/request-id';
import { newNonce, requestSecurityHeaders } from '@/lib/server/security-headers';

// Runs on every page, server action and route-handler request. Its jobs — no session, and never an access lock
// (pages and handlers check sessions themselves):
//  1. an `x-request-id` on the request and the response, so a support ticket quoting it leads to the log lines;
//  2. the per-request security headers: a CSP with a fresh nonce (also set on the *request*, where Next reads it
//     and puts the nonce on its own scripts — pages are dynamic via connection(), so every render gets one),
//     Referrer-Policy (no-referrer where the URL carries a token) and Cache-Control for personalised paths;
//  3. the page cache's own render requests (lib/server/front-door.ts) bring the nonce the cached copy is cut at;
//  4. the storefront's language: `/de/...` and `/fr/...` are served by the same routes as `/...`, with the language in
//     LOCALE_HEADER (lib/i18n/config.ts); `/en/...` redirects to its one address without a prefix. In the production
//     server the front door has already taken the prefix off and named the language (lib/server/locale-rewrite.ts);
//     without it (`next dev`) the prefix is rewritten away here.
// Anonymous catalog pages already in the page cache never reach this far: the front door answers them.
// Static headers (nosniff, HSTS, Permissions-Policy, …) come from next.config.ts so static files get them too.
export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  // A CORS preflight for the Store API is answered here: no handler runs for it (lib/http/cors.ts).
  const preflight = preflightResponse(request, request.nextUrl.pathname);
  if (preflight) {
    preflight.headers.set('x-request-id', requestId);
    return preflight;
  }
  // The page cache's own render request brings the nonce the cached copy is cut at.
  const fillSecret = pageCacheFillSecret();
  const fill = fillSecret ? request.headers.get(FILL_HEADER)?.split(' ') : undefined;
  // The language the front door took off the URL, or that this proxy's own rewrite carried back to it over loopback
  // (lib/server/locale-rewrite.ts); a client's header is not ours and is ignored.
  const carried = readLocaleRewrite(request.headers.get(LOCALE_REWRITE_HEADER));
  const inner = carried && isLocale(carried.locale) ? { locale: carried.locale, nonce: carried.nonce } : null;
  const nonce = inner?.nonce ?? (fill?.length === 2 && fill[0] === fillSecret ? fill[1]! : newNonce());
  const { locale, pathname, explicitDefault } = inner ? { locale: inner.locale, pathname: request.nextUrl.pathname, explicitDefault: false } : splitLocale(request.nextUrl.pathname);
  if (explicitDefault && (request.method === 'GET' || request.method === 'HEAD')) {
    const redirect = NextResponse.redirect(new URL(`${pathname}${request.nextUrl.search}`, request.url), 308);
    redirect.headers.set('x-request-id', requestId);
    return redirect;
  }
  const security = requestSecurityHeaders({ nonce, pathname, production: isProduction, https: env.SITE_URL.startsWith('https:') });

  const headers = new Headers(request.headers);
  headers.delete(FILL_HEADER);
  headers.delete(LOCALE_REWRITE_HEADER);
  headers.set('x-request-id', requestId);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  for (const [name, value] of security) if (name === 'content-security-policy') headers.set(name, value);
  headers.set('x-nonce', nonce);
  // Always set: a client's own value never chooses the language.
  headers.set(LOCALE_HEADER, locale);
  let response: NextResponse;
  if (pathname === request.nextUrl.pathname) response = NextResponse.next({ request: { headers } });
  else {
    headers.set(LOCALE_REWRITE_HEADER, localeRewriteValue(locale, nonce));
    const target = request.nextUrl.clone();
    target.pathname = pathname;
    response = NextResponse.rewrite(target, { request: { headers } });
  }
  response.headers.set('x-request-id', requestId);
  for (const [name, value] of security) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static assets and optimised images are served as files; they need no id and run no scripts.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
