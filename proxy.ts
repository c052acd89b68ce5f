import { NextResponse, type NextRequest } from 'next/server';
import { env, isProduction } from '@/lib/env';
import { requestIdFrom } from '@/lib/http/request-id';
import { contentSecurityPolicy, isPersonalisedPath, referrerPolicyFor } from '@/lib/http/security-headers';

// Runs on every page, server action and route-handler request. It does two header-only jobs — no session, no I/O,
// and it is never an access lock (pages and handlers check sessions themselves):
//  1. an `x-request-id` on the request and the response, so a support ticket quoting it leads to the log lines;
//  2. the per-request security headers: a CSP with a fresh nonce (also set on the *request*, where Next reads it
//     and puts the nonce on its own scripts — pages are dynamic via connection(), so every render gets one),
//     Referrer-Policy (no-referrer where the URL carries a token) and Cache-Control for personalised paths.
// Static headers (nosniff, HSTS, Permissions-Policy, …) come from next.config.ts so static files get them too.
export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const { pathname } = request.nextUrl;
  const csp = contentSecurityPolicy({ nonce, pathname, production: isProduction, https: env.SITE_URL.startsWith('https:') });

  const headers = new Headers(request.headers);
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

export const config = {
  // Static assets and optimised images are served as files; they need no id and run no scripts.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
