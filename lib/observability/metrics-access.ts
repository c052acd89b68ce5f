import { createHash, timingSafeEqual } from 'node:crypto';

export type MetricsAccess = 'allowed' | 'unauthenticated' | 'hidden';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may read /api/metrics. With METRICS_TOKEN set: only `Authorization: Bearer <token>` (compared in constant
 * time over SHA-256 digests, so neither the token's content nor its length leaks through timing). Without a token:
 * hidden (404) in production — an unconfigured deployment never exposes its internals — and open in development
 * and test, where a local Prometheus or a developer reads it without ceremony.
 */
export function metricsAccess(authorization: string | null, options: { token?: string; production: boolean }): MetricsAccess {
  if (!options.token) return options.production ? 'hidden' : 'allowed';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return 'unauthenticated';
  return timingSafeEqual(digest(match[1]), digest(options.token)) ? 'allowed' : 'unauthenticated';
}
