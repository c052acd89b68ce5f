import type { IncomingMessage, ServerResponse } from 'node:http';
import { DURATION_BUCKETS_S, histogram } from '@/lib/observability/metrics';
import { onResponseClose } from './response-close';

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

// Pages have no wrapper to label them by pattern, so every request is also timed at the Node server, by kind.
const httpServerDuration = histogram({
  name: 'http_server_duration_seconds',
  help: 'Every request at the Node HTTP server, arrival to end of response, by kind (page, api, media, image, static, next), method and status.',
  labelNames: ['method', 'kind', 'status'] as const,
  buckets: DURATION_BUCKETS_S,
});

/**
 * Times a request the Node server handles — pages and server actions included, which route() never sees — from its
 * arrival (lib/server/install.ts) to the end of its response: one timestamp and one histogram observation.
 */
export function timeRequest(request: IncomingMessage, response: ServerResponse): void {
  const started = performance.now();
  onResponseClose(response, () => {
    httpServerDuration.observe(
      { method: request.method ?? 'GET', kind: requestKind(request.url), status: String(response.statusCode) },
      (performance.now() - started) / 1000,
    );
  });
}
