import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { apiKeyActor, authenticateApiKey, type ApiKeyPrincipal } from '@/lib/api-keys/service';
import { type ApiScope, hasScope } from '@/lib/api-keys/scopes';
import type { AuditActor } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { requestHash, withIdempotency } from '@/lib/http/idempotency';
import type { AccessPort } from '@/lib/http/policy';
import { createRoute, type RouteContext } from '@/lib/http/route';
import { clientIp } from '@/lib/rate-limit';

// Every Admin API route: `route()` (validation, rate limits, one error model, access log) over an access port that
// reads an API key instead of a session. The key is looked up on every request (a revoked key is refused at once on
// every instance), must hold the route's scope (403 otherwise, before the body is read), and becomes the actor of
// every write: the domain services audit it as "api-key:<name> (<prefix>…)". Writes honour `Idempotency-Key`.

const BEARER = /^Bearer\s+(\S+)$/i;
const challenge = { 'www-authenticate': 'Bearer realm="admin-api"' };

function keyAccess(scope: ApiScope): AccessPort<ApiKeyPrincipal> {
  return {
    async currentUser(request) {
      const match = BEARER.exec(request?.headers.get('authorization') ?? '');
      if (!match) throw new AppError('unauthenticated', 'Send an Admin API key: Authorization: Bearer sfk_…', { headers: challenge });
      const key = await authenticateApiKey(match[1]!);
      if (!key) throw new AppError('unauthenticated', 'This API key is unknown, revoked or expired.', { headers: challenge });
      if (!hasScope(key.scopes, scope)) throw new AppError('forbidden', `This API key lacks the ${scope} scope.`);
      return key;
    },
    mustEnrollTwoFactor: async () => false,
  };
}

/** What a handler answers: serialised as JSON by the wrapper (and stored for an Idempotency-Key replay). */
export type ApiAnswer = { status: number; body: unknown };

export type AdminApiContext<TQuery, TBody, TParams> = Omit<RouteContext<TQuery, TBody, TParams, ApiKeyPrincipal>, 'user'> & {
  key: ApiKeyPrincipal;
  actor: AuditActor;
};

type Options<TQuery extends z.ZodType, TBody extends z.ZodType, TParams extends z.ZodType> = {
  query?: TQuery;
  body?: TBody;
  params?: TParams;
  maxBodyBytes?: number;
};

export function adminApiRoute<
  TQuery extends z.ZodType = z.ZodUndefined,
  TBody extends z.ZodType = z.ZodUndefined,
  TParams extends z.ZodType = z.ZodUndefined,
>(
  scope: ApiScope,
  options: Options<TQuery, TBody, TParams>,
  handler: (ctx: AdminApiContext<z.infer<TQuery>, z.infer<TBody>, z.infer<TParams>>) => Promise<ApiAnswer>,
) {
  const route = createRoute(keyAccess(scope));
  const write = scope.endsWith(':write');
  return route<TQuery, TBody, TParams>({ ...options, auth: 'admin' }, async (ctx) => {
    const key = ctx.user!;
    const actor = apiKeyActor(key, ctx.requestId, clientIp(ctx.request.headers));
    const run = () => handler({ ...ctx, key, actor });
    const idempotencyKey = write ? ctx.request.headers.get('idempotency-key') : null;
    if (!idempotencyKey) {
      const answer = await run();
      return NextResponse.json(answer.body, { status: answer.status });
    }
    // One key's Idempotency-Keys are its own; the same key sent for another route or body is refused (422).
    const hash = requestHash({ method: ctx.request.method, path: ctx.request.nextUrl.pathname, body: ctx.body ?? null });
    const answer = await withIdempotency(`admin-api:${key.id}`, idempotencyKey, hash, run);
    return NextResponse.json(answer.body, { status: answer.status, headers: answer.replayed ? { 'idempotent-replayed': 'true' } : undefined });
  });
}

