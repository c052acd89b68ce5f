import { NextRequest } from 'next/server';
import * as register from './auth/register/route';
import * as refresh from './auth/refresh/route';
import * as signOut from './auth/sign-out/route';
import * as token from './auth/token/route';
import * as cartLine from './carts/current/lines/[lineId]/route';
import * as cartLines from './carts/current/lines/route';
import * as currentCart from './carts/current/route';
import * as shippingOptions from './carts/current/shipping-options/route';
import * as carts from './carts/route';
import * as categories from './categories/route';
import * as preview from './checkout/preview/route';
import * as checkout from './checkout/route';
import * as address from './customers/me/addresses/[addressId]/route';
import * as addresses from './customers/me/addresses/route';
import * as customerOrder from './customers/me/orders/[number]/route';
import * as customerOrders from './customers/me/orders/route';
import * as me from './customers/me/route';
import * as openapi from './openapi.json/route';
import * as order from './orders/[number]/route';
import * as product from './products/[slug]/route';
import * as products from './products/route';
import * as suggestions from './search/suggestions/route';
import { preflightResponse } from '@/lib/http/cors';

// A fetch for API clients in integration tests: the Store API's own route handlers, dispatched in process by path,
// behind the checks a browser makes on a page from another origin. A request carrying an Origin other than the
// store's is treated as a page on that origin would be: a non-simple request is preceded by its CORS preflight
// (answered by the same code as proxy.ts), and an answer without a grant for that origin is a network error to the
// caller, as a browser would make it. So a test that passes through this fetch passes in a browser on that origin.

type Handler = (request: NextRequest, segment: { params: Promise<unknown> }) => Promise<Response>;
type RouteModule = Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Handler>>;

const routes: [string, RouteModule][] = [
  ['/products', products],
  ['/products/{slug}', product],
  ['/categories', categories],
  ['/search/suggestions', suggestions],
  ['/carts', carts],
  ['/carts/current', currentCart],
  ['/carts/current/lines', cartLines],
  ['/carts/current/lines/{lineId}', cartLine],
  ['/carts/current/shipping-options', shippingOptions],
  ['/checkout', checkout],
  ['/checkout/preview', preview],
  ['/orders/{number}', order],
  ['/auth/register', register],
  ['/auth/token', token],
  ['/auth/refresh', refresh],
  ['/auth/sign-out', signOut],
  ['/customers/me', me],
  ['/customers/me/addresses', addresses],
  ['/customers/me/addresses/{addressId}', address],
  ['/customers/me/orders', customerOrders],
  ['/customers/me/orders/{number}', customerOrder],
  ['/openapi.json', openapi],
];

const PREFIX = '/api/store/v1';
export const STORE_ORIGIN = 'http://store.test';
export const STORE_API_BASE = `${STORE_ORIGIN}${PREFIX}`;

function match(pathname: string): { module: RouteModule; params: Record<string, string> } | null {
  const relative = pathname.slice(PREFIX.length) || '/';
  for (const [template, module] of routes) {
    const names: string[] = [];
    const pattern = new RegExp(`^${template.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
    const found = pattern.exec(relative);
    if (found) return { module, params: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)])) };
  }
  return null;
}

/** The Store API's answer to `request`, as its route handler gives it (no browser checks). */
export async function dispatch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (request.method === 'OPTIONS') return preflightResponse(request, url.pathname) ?? new Response(null, { status: 204 });
  const found = match(url.pathname);
  const handler = found?.module[request.method as keyof RouteModule];
  if (!found || !handler) return new Response(JSON.stringify({ error: { code: 'not_found', message: 'No such route' } }), { status: 404 });
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
  return handler(new NextRequest(url, { method: request.method, headers: request.headers, body: body || undefined }), { params: Promise.resolve(found.params) });
}

const SIMPLE_HEADERS = new Set(['accept', 'accept-language', 'content-language', 'origin']);
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

function needsPreflight(request: Request): boolean {
  if (!['GET', 'HEAD', 'POST'].includes(request.method)) return true;
  for (const [name, value] of request.headers) {
    if (name === 'content-type' && SIMPLE_TYPES.some((type) => value.toLowerCase().startsWith(type))) continue;
    if (!SIMPLE_HEADERS.has(name)) return true;
  }
  return false;
}

/** The fetch a page on `request`'s Origin would get: CORS enforced as a browser enforces it. */
export async function browserFetch(request: Request): Promise<Response> {
  const origin = request.headers.get('origin');
  if (!origin || origin === STORE_ORIGIN) return dispatch(request);
  if (needsPreflight(request)) {
    const requested = [...request.headers.keys()].filter((name) => !SIMPLE_HEADERS.has(name)).join(',');
    const answer = await dispatch(
      new Request(request.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': request.method, 'access-control-request-headers': requested } }),
    );
    const granted =
      answer.ok &&
      answer.headers.get('access-control-allow-origin') === origin &&
      (answer.headers.get('access-control-allow-methods') ?? '').split(/,\s*/).includes(request.method) &&
      requested.split(',').filter(Boolean).every((name) => (answer.headers.get('access-control-allow-headers') ?? '').split(/,\s*/).includes(name));
    if (!granted) throw new TypeError(`CORS preflight refused for ${request.method} ${new URL(request.url).pathname} from ${origin}`);
  }
  const response = await dispatch(request);
  if (response.headers.get('access-control-allow-origin') !== origin) {
    throw new TypeError(`CORS: the answer to ${request.method} ${new URL(request.url).pathname} is not shared with ${origin}`);
  }
  return response;
}
