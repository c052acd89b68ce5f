import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { logger } from '@/lib/log';
import { AppError, toErrorResponse } from './errors';
import { requestIdFrom } from './request-id';

// Every route handler goes through `route()`: request id → query/body validation → handler → one error model.
// Later policies (session and role, rate limit, origin check) plug in here so no handler can forget them.

export type RouteContext<TQuery, TBody, TParams> = {
  request: NextRequest;
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
    const requestId = requestIdFrom(request.headers);
    const log = logger.child({ requestId, method: request.method, path: request.nextUrl.pathname });
    let response: Response;
    try {
      const query = options.query ? options.query.parse(searchParamsObject(request)) : undefined;
      const params = options.params ? options.params.parse(await segment.params) : undefined;
      const body = options.body
        ? options.body.parse(await readJson(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES))
        : undefined;
      response = await handler({ request, requestId, query, body, params, log } as RouteContext<
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
    return response;
  };
}
