import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import createClient from 'openapi-fetch';
import type { paths } from '@/lib/api/generated/admin-api';

// The Admin API's route handlers behind a client generated from its OpenAPI document (openapi-typescript types,
// openapi-fetch), for the integration tests: each request goes to the handler Next would route it to.

export const TEST_SITE = 'http://store.test';
const apiRoot = path.join(process.cwd(), 'app', 'api', 'admin', 'v1');

type RouteModule = Record<string, (request: NextRequest, segment: { params: Promise<Record<string, string>> }) => Promise<Response>>;
type LoadedRoute = { pattern: RegExp; module: RouteModule };

/** The route handlers under app/api/admin/v1, matched the way Next matches them ([id] → one path segment). */
export async function loadAdminRoutes(): Promise<LoadedRoute[]> {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const full = path.join(dir, entry);
      return statSync(full).isDirectory() ? walk(full) : entry === 'route.ts' ? [full] : [];
    });
  return Promise.all(
    walk(apiRoot).map(async (file) => {
      const relative = path.relative(apiRoot, path.dirname(file)).split(path.sep).join('/');
      const source = `^/api/admin/v1${relative ? `/${relative}` : ''}$`.replace(/\[([^\]]+)\]/g, '(?<$1>[^/]+)').replace(/\./g, '\\.');
      return { pattern: new RegExp(source), module: (await import(file)) as RouteModule };
    }),
  );
}

/** openapi-fetch's transport: each Request is handed to the matching route handler, as Next would. */
function dispatcher(routes: LoadedRoute[]) {
  return async (input: Request): Promise<Response> => {
    const url = new URL(input.url);
    for (const { pattern, module } of routes) {
      const match = pattern.exec(url.pathname);
      if (!match) continue;
      const handler = module[input.method];
      if (!handler) return new Response(null, { status: 405 });
      const body = input.method === 'GET' ? undefined : await input.text();
      const request = new NextRequest(url, { method: input.method, headers: input.headers, body: body || undefined });
      const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
      return handler(request, { params: Promise.resolve(params) });
    }
    return new Response(null, { status: 404 });
  };
}

/** A typed client sending this API key with every request. */
export function adminApiClient(routes: LoadedRoute[], secret: string) {
  return createClient<paths>({ baseUrl: `${TEST_SITE}/api/admin/v1`, fetch: dispatcher(routes), headers: { authorization: `Bearer ${secret}` } });
}
