import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { logger } from '@/lib/log';
import { observeRequest } from '@/lib/observability/metrics';
import type { SessionUser } from '@/lib/auth/session-types';
import { type ActionPolicy, authorise } from './policy';
import { AppError, toErrorResponse } from '@/lib/errors';
import { assertSameOrigin } from './origin';
import { clientIp, enforceRateLimit, ipSubject, RATE_LIMITS, type RateLimitPolicy } from '@/lib/rate-limit';
import { routeRateLimits } from '@/lib/rate-limit/policies';
import { requestIdFrom } from '@/lib/server/request-id';

// Every route handler goes through `route()`: request id → query/body validation → handler → one error model.
// Session and role, Origin check (lib/http/origin.ts) and rate limits (by route pattern, lib/rate-limit/policies.ts)
// all happen here, so no handler can forget them.

export type RouteContext<TQuery, TBody, TParams> = {
  request: NextRequest;
  /** The session user when the route declares `auth`; null otherwise. */
  user: SessionUser | null;
  requestId: string;
  query: TQuery;
  body: TBody;
  params: TParams;
  log: typeof logger;
};

type RouteOptions<TQuery extends z.ZodType, TBody extends z.ZodType, TParams extends z.ZodType> = {
  query?: TQuery;
  body?: TBody;
  params?: TParams;
  /** Maximum accepted JSON body in bytes. */
  maxBodyBytes?: number;
  /** Who may call: checked before anything is parsed (401 without a session, 403 with too weak a role). */
  auth?: Exclude<ActionPolicy, 'public'>;
  /** Extra limits for this route ([policy, subject] pairs); the Store API's are added by route pattern regardless. */
  rateLimit?: (ctx: { ip: string; user: SessionUser | null }) => [RateLimitPolicy, string][];
};

type Handler<TQuery, TBody, TParams> = (ctx: RouteContext<TQuery, TBody, TParams>) => Promise<Response> | Response;

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

async function readJson(request: NextRequest, maxBytes: number): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new AppError('unsupported_media_type', 'Send the request body as application/json.');
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError('payload_too_large', `The body may be at most ${maxBytes} bytes.`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON.');
  }
}

/**
 * The route pattern for metrics and access logs (`/media/[...key]`, not `/media/p/1.jpg`): the matched segment
 * values are put back as their names, so a label never carries an id, a slug or personal data.
 */
export function routePattern(pathname: string, params: unknown): string {
  if (!params || typeof params !== 'object') return pathname;
  const segments = pathname.split('/');
  for (const [name, value] of Object.entries(params as Record<string, unknown>)) {
    if (Array.isArray(value)) {
      const joined = value.map((part) => encodeURIComponent(String(part)));
      const index = segments.findIndex((_, i) => segments.slice(i, i + joined.length).join('/') === joined.join('/'));
      if (index >= 0 && joined.length > 0) segments.splice(index, joined.length, `[...${name}]`);
    } else if (typeof value === 'string') {
      const index = segments.lastIndexOf(encodeURIComponent(value));
      if (index > 0) segments[index] = `[${name}]`;
    }
  }
  return segments.join('/') || '/';
}

function searchParamsObject(request: NextRequest): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(request.nextUrl.searchParams.keys())) {
    const values = request.nextUrl.searchParams.getAll(key);
    out[key] = values.length > 1 ? values : (values[0] ?? '');
  }
  return out;
}

export function route<
  TQuery extends z.ZodType = z.ZodUndefined,
  TBody extends z.ZodType = z.ZodUndefined,
  TParams extends z.ZodType = z.ZodUndefined,
>(options: RouteOptions<TQuery, TBody, TParams>, handler: Handler<z.infer<TQuery>, z.infer<TBody>, z.infer<TParams>>) {
  return async (request: NextRequest, segment: { params: Promise<unknown> }): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdFrom(request.headers);
    const rawParams: unknown = await segment?.params;
    const pattern = routePattern(request.nextUrl.pathname, rawParams);
    const log = logger.child({ requestId, method: request.method, route: pattern });
    let response: Response;
    try {
      let user: SessionUser | null = null;
      if (options.auth) {
        // Loaded on demand so routes without a session (health, metrics) never pull in the auth stack.
        const { getSessionUser } = await import('@/lib/auth/session');
        user = await getSessionUser();
        authorise(options.auth, user);
        // Same rule as staffAction/adminAction: an admin the store requires to enroll in two-factor is refused.
        if (user && (options.auth === 'staff' || options.auth === 'admin')) {
          const { mustEnrollTwoFactor } = await import('@/lib/auth/two-factor');
          if (await mustEnrollTwoFactor(user)) {
            throw new AppError('forbidden', 'The store requires two-factor authentication for admins. Set it up under Your security first.');
          }
        }
      }
      assertSameOrigin(request, request.nextUrl.pathname);
      const query = options.query ? options.query.parse(searchParamsObject(request)) : undefined;
      const params = options.params ? options.params.parse(rawParams) : undefined;
      const body = options.body
        ? options.body.parse(await readJson(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES))
        : undefined;
      const ip = ipSubject(clientIp(request.headers));
      // The cart a Store API client names (header, else the storefront's cookie); only its digest becomes a key.
      const cartToken = request.headers.get('x-cart-token') ?? request.cookies.get('sf_cart')?.value ?? null;
      const limits = [
        ...routeRateLimits({ method: request.method, pattern, ip, cartToken, body }),
        ...(options.rateLimit?.({ ip, user }) ?? []),
        // Staff/admin writes share the per-user budget of staffAction/adminAction (lib/http/action.ts).
        ...(user && (options.auth === 'staff' || options.auth === 'admin') && request.method !== 'GET'
          ? [[RATE_LIMITS.adminWritesPerUser, user.id] as [RateLimitPolicy, string]]
          : []),
      ];
      for (const [limit, subject] of limits) await enforceRateLimit(limit, subject);
      response = await handler({ request, user, requestId, query, body, params, log } as RouteContext<
        z.infer<TQuery>,
        z.infer<TBody>,
        z.infer<TParams>
      >);
    } catch (error) {
      const { status, body, expected } = toErrorResponse(error, requestId);
      if (expected) log.info({ status, code: body.error.code }, 'request refused');
      else log.error({ err: error }, 'request failed');
      response = NextResponse.json(body, { status, headers: error instanceof AppError ? error.headers : undefined });
    }
    response.headers.set('x-request-id', requestId);
    // JSON answers are not cacheable unless the route says so (the catalogue routes do): carts, orders and errors
    // depend on who asks. A bare "no-store" becomes "private, no-store" for intermediaries that only read "private".
    const cacheControl = response.headers.get('cache-control');
    if (!cacheControl || cacheControl === 'no-store') response.headers.set('cache-control', 'private, no-store');
    const durationS = (performance.now() - started) / 1000;
    observeRequest({ method: request.method, route: pattern, status: response.status }, durationS);
    // The access log: the pattern, never the raw URL or query string (they can carry emails, tokens, search terms).
    log.info({ status: response.status, durationMs: Math.round(durationS * 1000) }, 'request');
    return response;
  };
}
