import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { logger } from '@/lib/log';
import { DURATION_BUCKETS_S, histogram } from '@/lib/observability/metrics';
import { type AccessPort, type ActionPolicy, admit, isStaffPolicy, type Principal } from './policy';
import { AppError, toErrorResponse } from '@/lib/errors';
import { corsHeaders, isStoreApiPath } from './cors';
import { assertSameOrigin } from './origin';
import { PUBLISHABLE_KEY_HEADER, storefrontOf } from './publishable-key';
import { clientIp, enforceRateLimit, ipSubject, RATE_LIMITS, type LimitClient, type OperationLimits, type RateLimitPolicy } from '@/lib/rate-limit';
import { routeRateLimits } from '@/lib/rate-limit/policies';
import { requestIdFrom } from '@/lib/server/request-id';

// Every route handler goes through `route()`: request id → query/body validation → handler → one error model.
// Session, role and two-factor enrollment (the same admission core as server actions, lib/http/policy.ts), Origin
// check (lib/http/origin.ts) and rate limits (the Store API ceiling by route pattern, lib/rate-limit/policies.ts, and
// the operation's own limits declared by its domain) all happen here, so no handler can forget them.
// lib/auth/guards.ts builds the store's `route` over its session.

export type RouteContext<TQuery, TBody, TParams, U = Principal> = {
  request: NextRequest;
  /** The session user when the route declares `auth` (or `identify` and there is one); null otherwise. */
  user: U | null;
  requestId: string;
  /** The client address as rate limits key it (lib/server/client-ip.ts). */
  ip: string;
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
  /**
   * Read the caller when there is one (a bearer token or the session) without requiring it: `user` is null for
   * anonymous callers. A bearer token that is sent but invalid or expired is still 401, never read as anonymous.
   */
  identify?: boolean;
  /** The operation's limits (declared by its domain, shared with its server action), counted on the parsed body. */
  rateLimit?: OperationLimits<z.infer<TBody>>;
};

type Handler<TQuery, TBody, TParams, U> = (ctx: RouteContext<TQuery, TBody, TParams, U>) => Promise<Response> | Response;

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

const httpRequestDuration = histogram({
  name: 'http_request_duration_seconds',
  help: 'Route handler duration by route pattern (never the raw URL, to bound cardinality), method and status.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: DURATION_BUCKETS_S,
});

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

/** The route wrapper over one session; lib/auth/guards.ts builds the store's. */
export function createRoute<U extends Principal>(access: AccessPort<U>) {
  return function route<
    TQuery extends z.ZodType = z.ZodUndefined,
    TBody extends z.ZodType = z.ZodUndefined,
    TParams extends z.ZodType = z.ZodUndefined,
  >(options: RouteOptions<TQuery, TBody, TParams>, handler: Handler<z.infer<TQuery>, z.infer<TBody>, z.infer<TParams>, U>) {
    return handle(access, options, handler as Handler<unknown, unknown, unknown, Principal>);
  };
}

function limitClient(request: NextRequest, ip: string, user: Principal | null): LimitClient {
  return { ip, userId: user?.id ?? null, header: (name) => request.headers.get(name), cookie: (name) => request.cookies.get(name)?.value ?? null };
}

function handle<U extends Principal>(
  access: AccessPort<U>,
  options: RouteOptions<z.ZodType, z.ZodType, z.ZodType>,
  handler: Handler<unknown, unknown, unknown, Principal>,
) {
  return async (request: NextRequest, segment: { params: Promise<unknown> }): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdFrom(request.headers);
    const rawParams: unknown = await segment?.params;
    const pattern = routePattern(request.nextUrl.pathname, rawParams);
    const log = logger.child({ requestId, method: request.method, route: pattern });
    let response: Response;
    let storefront: string | null = null;
    try {
      // Only routes that declare `auth` or `identify` read the session (health and metrics never touch it).
      const user: Principal | null = options.auth
        ? await admit(access, options.auth, { request })
        : options.identify
          ? await access.currentUser(request)
          : null;
      assertSameOrigin(request, request.nextUrl.pathname);
      const query = options.query ? options.query.parse(searchParamsObject(request)) : undefined;
      const params = options.params ? options.params.parse(rawParams) : undefined;
      const body = options.body
        ? options.body.parse(await readJson(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES))
        : undefined;
      const ip = ipSubject(clientIp(request.headers));
      storefront = isStoreApiPath(pattern) ? storefrontOf(request.headers.get(PUBLISHABLE_KEY_HEADER)) : null;
      const limits: [RateLimitPolicy, string][] = [
        ...routeRateLimits({ pattern, ip, storefront }),
        ...((await options.rateLimit?.(body, limitClient(request, ip, user))) ?? []),
        // Staff/admin writes share the per-user budget of staffAction/adminAction (lib/http/action.ts).
        ...(user && options.auth && isStaffPolicy(options.auth) && request.method !== 'GET'
          ? [[RATE_LIMITS.adminWritesPerUser, user.id] as [RateLimitPolicy, string]]
          : []),
      ];
      for (const [limit, subject] of limits) await enforceRateLimit(limit, subject);
      response = await handler({ request, user, requestId, ip, query, body, params, log });
    } catch (error) {
      const { status, body, expected } = toErrorResponse(error, requestId);
      if (expected) log.info({ status, code: body.error.code }, 'request refused');
      else log.error({ err: error }, 'request failed');
      response = NextResponse.json(body, { status, headers: error instanceof AppError ? error.headers : undefined });
    }
    response.headers.set('x-request-id', requestId);
    // Store API answers (refusals included) carry CORS headers for allow-listed origins, and none for others.
    if (isStoreApiPath(request.nextUrl.pathname)) for (const [name, value] of corsHeaders(request.headers.get('origin'))) response.headers.set(name, value);
    // JSON answers are not cacheable unless the route says so (the catalogue routes do): carts, orders and errors
    // depend on who asks. A bare "no-store" becomes "private, no-store" for intermediaries that only read "private".
    const cacheControl = response.headers.get('cache-control');
    if (!cacheControl || cacheControl === 'no-store') response.headers.set('cache-control', 'private, no-store');
    const durationS = (performance.now() - started) / 1000;
    httpRequestDuration.observe({ method: request.method, route: pattern, status: String(response.status) }, durationS);
    // The access log: the pattern, never the raw URL or query string (they can carry emails, tokens, search terms).
    // Images answered as asked are the bulk of a page's requests and say nothing an operator needs: debug level.
    const routine = pattern.startsWith('/media/') && (request.method === 'GET' || request.method === 'HEAD') && response.status < 400;
    log[routine ? 'debug' : 'info']({ status: response.status, durationMs: Math.round(durationS * 1000), ...(storefront ? { storefront } : {}) }, 'request');
    return response;
  };
}
