import { closeConnection, getConnection } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { assertServerSecrets, databaseMode, env, isProduction } from '@/lib/env';
import { onShutdown } from '@/lib/server/shutdown';
import { isServerBusy } from '@/lib/server/admission';
import { installServerLayer } from '@/lib/server/install';
import { sharedPageCache } from '@/lib/server/page-cache';
import { logger } from '@/lib/log';
import { assertRateLimitOverrides } from '@/lib/rate-limit';
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
  assertRateLimitOverrides();
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
  const accounts: string[] = [];
  if (databaseMode === 'pglite') {
    await runMigrations(connection);
    const { seedDatabase } = await import('@/db/seed');
    const summary = await seedDatabase(connection.db, {
      log: (line) => {
        if (line.includes(' account: ')) accounts.push(line);
        logger.info(line);
      },
    });
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
  const readyMs = Math.round(performance.now() - started);
  logger.info({ databaseMode, redis: redis ? redis.status : 'not_configured', ms: readyMs }, 'server ready');
  if (databaseMode === 'pglite') printWelcome(accounts, readyMs);
}

/**
 * On the embedded database (a laptop, `npm run dev`), a plain banner after the JSON log lines: where the store and
 * the admin are, and the demo sign-ins when this start created them (their passwords are shown only this once).
 */
function printWelcome(accounts: string[], readyMs: number): void {
  const site = env.SITE_URL.replace(/\/$/, '');
  const lines = [
    `Storefront is ready (${(readyMs / 1000).toFixed(1)} s): ${site}`,
    `Admin panel: ${site}/admin`,
    ...(accounts.length > 0
      ? accounts
      : [`Demo sign-ins: ${env.ADMIN_EMAIL} and ${env.DEMO_CUSTOMER_EMAIL}; their passwords were printed at the first start (delete .data/ to start over).`]),
    env.SMTP_URL ? 'Emails are sent through SMTP_URL.' : 'Emails are not sent without SMTP_URL: they are kept in the database (email_messages).',
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '─'.repeat(width + 2);
  console.log(['', `┌${rule}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${rule}┘`, ''].join('\n'));
}
