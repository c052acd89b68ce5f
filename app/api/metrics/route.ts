// GET /api/metrics — Prometheus exposition for this process (request durations, orders, checkout failures,
// rate-limit rejections, DB pool, Redis errors, Node process). Bearer METRICS_TOKEN; see lib/observability.
import { env, isProduction } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/auth/guards';
import { metricsAccess } from '@/lib/observability/metrics-access';
import { allMetrics } from '@/lib/startup/metrics';

export const dynamic = 'force-dynamic';

export const GET = route({}, async ({ request }) => {
  const access = metricsAccess(request.headers.get('authorization'), { token: env.METRICS_TOKEN, production: isProduction });
  if (access === 'hidden') throw new AppError('not_found', 'Not found.');
  if (access === 'unauthenticated') {
    throw new AppError('unauthenticated', 'A valid metrics token is required.', { headers: { 'www-authenticate': 'Bearer' } });
  }
  const registry = allMetrics();
  return new Response(await registry.metrics(), {
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  });
});
