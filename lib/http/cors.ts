import { env } from '@/lib/env';

// CORS for the Store API: a separate storefront on another origin calls it from the browser. Only the origins in
// STORE_API_CORS_ORIGINS get CORS headers (credentials included, so a browser may send the cart cookie); any other
// Origin gets none, so the browser keeps the answer from the page. Writes from an unlisted Origin are refused by
// ./origin.ts besides. The preflight is answered in front of the handlers (proxy.ts); the headers on actual answers
// by route() and, for cached catalogue reads, by the front door.

/** The methods and request headers a listed origin may use. */
export const CORS_ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'x-cart-token', 'x-order-email', 'x-publishable-key', 'x-request-id'] as const;
/** Answer headers a client script may read: replay marker, rate-limit advice, request id, token errors. */
const EXPOSED_HEADERS = 'Idempotent-Replayed, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, X-Request-Id, WWW-Authenticate';
const PREFLIGHT_MAX_AGE_S = 600;

export function isStoreApiPath(pathname: string): boolean {
  return pathname.startsWith('/api/store/');
}

let allowed: ReadonlySet<string> | undefined;

export function isAllowedCorsOrigin(origin: string | null | undefined): origin is string {
  allowed ??= new Set(env.STORE_API_CORS_ORIGINS);
  return typeof origin === 'string' && allowed.has(origin);
}

/** Headers for an actual (non-preflight) answer: CORS for a listed origin, none for others; Vary either way. */
export function corsHeaders(origin: string | null): [string, string][] {
  if (!isAllowedCorsOrigin(origin)) return [['vary', 'Origin']];
  return [
    ['access-control-allow-origin', origin],
    ['access-control-allow-credentials', 'true'],
    ['access-control-expose-headers', EXPOSED_HEADERS],
    ['vary', 'Origin'],
  ];
}

/**
 * The answer to a CORS preflight (OPTIONS with Access-Control-Request-Method) on a Store API path, or null when the
 * request is not one. A listed origin asking for an allowed method and headers gets 204 with the grant; anything
 * else 403 with no CORS headers, which the browser reads as a refusal.
 */
export function preflightResponse(request: Request, pathname: string): Response | null {
  if (request.method !== 'OPTIONS' || !isStoreApiPath(pathname)) return null;
  const method = request.headers.get('access-control-request-method');
  if (!method) return null;
  const origin = request.headers.get('origin');
  const requested = (request.headers.get('access-control-request-headers') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const ok =
    isAllowedCorsOrigin(origin) &&
    (CORS_ALLOWED_METHODS as readonly string[]).includes(method.toUpperCase()) &&
    requested.every((name) => (CORS_ALLOWED_HEADERS as readonly string[]).includes(name));
  if (!ok) return new Response(null, { status: 403, headers: { vary: 'Origin' } });
  return new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': CORS_ALLOWED_METHODS.join(', '),
      'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '),
      'access-control-max-age': String(PREFLIGHT_MAX_AGE_S),
      vary: 'Origin',
    },
  });
}
