import { closeConnection, getConnection } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { assertServerSecrets, databaseMode, env, isProduction } from '@/lib/env';
import { onShutdown } from '@/lib/server/shutdown';
import { isServerBusy } from '@/lib/server/admission';
import { installServerLayer } from '@/lib/server/install';
import { sharedPageCache } from '@/lib/server/page-cache';
import { logger } from '@/lib/log';
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
  // Before the first request: rate limits key on the address this derives from the socket (lib/server/client-ip.ts).
  // In production the front door (page cache hits, admission control) goes in front of Next, and the process drains
  // on SIGTERM when Next leaves the signal to it; `next dev` keeps Next's own handling of both.
  const drain = isProduction && Boolean(env.NEXT_MANUAL_SIG_HANDLE);
  if (isProduction && !drain) {
    logger.error('NEXT_MANUAL_SIG_HANDLE is not set in the server environment: SIGTERM stops the server without draining requests or closing the database');
  }
  installServerLayer({
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
    door: isProduction
      ? {
          admission: { maxActive: env.MAX_REQUESTS_IN_FLIGHT, maxQueued: env.MAX_REQUESTS_QUEUED, maxWaitMs: env.REQUEST_QUEUE_TIMEOUT_MS },
          pageCache: env.PAGE_CACHE_MB > 0 ? sharedPageCache({ maxBytes: env.PAGE_CACHE_MB * 2 ** 20, ttlMs: env.PAGE_CACHE_TTL_S * 1000 }) : null,
          port: env.PORT,
          https: env.SITE_URL.startsWith('https:'),
        }
      : null,
    shutdown: drain ? { drainS: env.SHUTDOWN_DRAIN_S } : null,
  });
  // Jobs stop (and finish what they are doing) before the pool they use is closed: closers run in this order.
  registerAllOutboxHandlers();
  const jobs = env.BACKGROUND_JOBS ? { start: () => import('@/lib/startup/jobs').then(({ startBackgroundJobs }) => startBackgroundJobs(isServerBusy)) } : null;
  let stopJobs: (() => Promise<void>) | null = null;
  if (drain) {
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
    if (stopListening && drain) onShutdown('cache invalidations', stopListening);
  }
  // After migrations (embedded mode): the jobs query tables the migrations create.
  if (jobs) stopJobs = (await jobs.start()).stop;
  logger.info({ databaseMode, redis: redis ? redis.status : 'not_configured', ms: Math.round(performance.now() - started) }, 'server ready');
}
