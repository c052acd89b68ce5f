import { closeConnection, getConnection } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { assertServerSecrets, databaseMode, env, isProduction } from '@/lib/env';
import { installGracefulShutdown, onShutdown } from '@/lib/server/shutdown';
import { installClientIpHeader } from '@/lib/server/client-ip';
import { isServerBusy } from '@/lib/server/admission';
import { installFrontDoor } from '@/lib/server/front-door';
import { sharedPageCache } from '@/lib/server/page-cache';
import { logger } from '@/lib/log';
import { observeHttpServer } from '@/lib/server/timing';
import { startTracing } from '@/lib/observability/tracing';
import { closeRedis, getRedis, whenRedisReady } from '@/lib/redis/client';
import { subscribeToInvalidations } from '@/lib/cache/broadcast';
import { registerAllOutboxHandlers } from '@/lib/startup/outbox';

/**
 * Runs once per server process before it takes requests (from instrumentation.ts).
 * Embedded PGlite is migrated and seeded on first start so `npm run dev` needs nothing else.
 * A real PostgreSQL is migrated only when DATABASE_MIGRATE_ON_START is set: in production a one-off task does it.
 */
export async function boot(): Promise<void> {
  if (env.NEXT_PHASE === 'phase-production-build') return;
  assertServerSecrets();
  const started = performance.now();
  // Before anything opens a span: with no OTLP endpoint this is a no-op that loads nothing.
  const stopTracing = await startTracing();
  observeHttpServer();
  // Before the first request: rate limits key on the address this derives from the socket (lib/server/client-ip.ts).
  installClientIpHeader(env.TRUSTED_PROXY_HOPS);
  if (isProduction) {
    // Page cache hits and admission control, in front of Next (`next dev` keeps Next's own handling).
    installFrontDoor({
      admission: { maxActive: env.MAX_REQUESTS_IN_FLIGHT, maxQueued: env.MAX_REQUESTS_QUEUED, maxWaitMs: env.REQUEST_QUEUE_TIMEOUT_MS },
      pageCache: env.PAGE_CACHE_MB > 0 ? sharedPageCache({ maxBytes: env.PAGE_CACHE_MB * 2 ** 20, ttlMs: env.PAGE_CACHE_TTL_S * 1000 }) : null,
      port: env.PORT,
      https: env.SITE_URL.startsWith('https:'),
    });
  }
  // The production server (standalone or `next start`) drains on SIGTERM; `next dev` keeps Next's own handling.
  // Jobs stop (and finish what they are doing) before the pool they use is closed: closers run in this order.
  registerAllOutboxHandlers();
  const jobs = env.BACKGROUND_JOBS ? { start: () => import('@/lib/startup/jobs').then(({ startBackgroundJobs }) => startBackgroundJobs(isServerBusy)) } : null;
  let stopJobs: (() => Promise<void>) | null = null;
  if (isProduction) {
    installGracefulShutdown({ drainS: env.SHUTDOWN_DRAIN_S });
    onShutdown('jobs', async () => {
      await stopJobs?.();
    });
    onShutdown('database', closeConnection);
    onShutdown('redis', closeRedis);
    if (stopTracing) onShutdown('tracing', stopTracing);
  }
  const connection = getConnection();
  if (databaseMode === 'pglite') {
    await runMigrations(connection);
    const { seedDatabase } = await import('@/db/seed');
    const summary = await seedDatabase(connection.db, { log: (line) => logger.info(line) });
    if (!summary.skipped) logger.info({ summary }, 'embedded database seeded with the demo store');
  } else if (env.DATABASE_MIGRATE_ON_START) {
    await runMigrations(connection);
  } else {
    // Warm the pool so the first request does not pay for the connection.
    await connection.ping(5_000).catch((error: unknown) => logger.warn({ err: error }, 'database not reachable at boot'));
  }
  const redis = getRedis();
  if (redis) {
    // Connect before taking traffic; a Redis outage at boot is reported by readiness, it does not stop the server.
    await whenRedisReady(redis, 5_000).catch((error: unknown) => logger.warn({ err: error }, 'redis not reachable at boot'));
    // Other instances' catalogue writes drop this instance's cached reads and pages too.
    const { applyInvalidation, dropAllCached } = await import('@/lib/catalog/cache');
    const stopListening = subscribeToInvalidations(applyInvalidation, dropAllCached);
    if (stopListening && isProduction) onShutdown('cache invalidations', stopListening);
  }
  // After migrations (embedded mode): the jobs query tables the migrations create.
  if (jobs) stopJobs = (await jobs.start()).stop;
  logger.info({ databaseMode, redis: redis ? redis.status : 'not_configured', ms: Math.round(performance.now() - started) }, 'server ready');
}
