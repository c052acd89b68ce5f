import 'server-only';
import Redis from 'ioredis';
import { env } from '@/lib/env';
import { counter } from '@/lib/observability/metrics';

const redisErrors = counter({ name: 'storefront_redis_errors_total', help: "Redis client 'error' events (connection lost, refused, timed out)." });

// One ioredis connection per process, only when REDIS_URL is configured. Commands fail fast instead of queueing
// while Redis is away, so callers (readiness, rate limiting) can decide their own fallback.

const globalForRedis = globalThis as typeof globalThis & { __storefrontRedis?: Redis | null };

export function getRedis(): Redis | null {
  if (globalForRedis.__storefrontRedis !== undefined) return globalForRedis.__storefrontRedis;
  if (!env.REDIS_URL) {
    globalForRedis.__storefrontRedis = null;
    return null;
  }
  const client = new Redis(env.REDIS_URL, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1_000,
    // Keep trying in the background, capped at 2 s between attempts, so Redis coming back is noticed by itself.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  client.on('error', () => {
    // Connection errors surface through the commands that fail; the event is counted for alerting, not logged
    // (a Redis outage would otherwise write a line every retry).
    redisErrors.inc();
  });
  client.connect().catch(() => {});
  globalForRedis.__storefrontRedis = client;
  return client;
}

/** Resolves when the client is connected, or rejects after timeoutMs. Used before a first command after start. */
export function whenRedisReady(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      reject(new Error(`Redis did not connect within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once('ready', onReady);
  });
}

export async function closeRedis(): Promise<void> {
  const client = globalForRedis.__storefrontRedis;
  globalForRedis.__storefrontRedis = undefined;
  if (client) await client.quit().catch(() => client.disconnect());
}
