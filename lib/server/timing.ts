import type { IncomingMessage, ServerResponse } from 'node:http';
import { metrics } from '@/lib/observability/metrics';

export type RequestKind = 'page' | 'api' | 'media' | 'image' | 'static' | 'next';

/** A bounded label for a raw URL: what kind of thing was asked for, never the path itself. */
export function requestKind(url: string | undefined): RequestKind {
  const path = url ?? '/';
  if (path.startsWith('/_next/static/')) return 'static';
  if (path.startsWith('/_next/image')) return 'image';
  if (path.startsWith('/_next/')) return 'next';
  if (path.startsWith('/api/')) return 'api';
  if (path.startsWith('/media/')) return 'media';
  return 'page';
}

/**
 * Times a request the Node server handles — pages and server actions included, which route() never sees — from its
 * arrival (lib/server/install.ts) to the end of its response: one timestamp and one histogram observation.
 */
export function timeRequest(request: IncomingMessage, response: ServerResponse): void {
  const started = performance.now();
  response.once('close', () => {
    metrics.httpServerDuration.observe(
      { method: request.method ?? 'GET', kind: requestKind(request.url), status: String(response.statusCode) },
      (performance.now() - started) / 1000,
    );
  });
}
