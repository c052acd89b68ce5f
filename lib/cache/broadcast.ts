import 'server-only';
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { env } from '@/lib/env';
import { logger } from '@/lib/log';
import { getRedis } from '@/lib/redis/client';

// Cache invalidations for every instance: a catalogue write drops what it touched on the instance that took it at
// once (lib/catalog/cache.ts), and publishes the same invalidation on Redis so that the other instances drop theirs
// within milliseconds instead of waiting for their caches' TTL. Without REDIS_URL there is one instance and nothing
// to tell. A message lost while Redis is away is made up for when the subscriber reconnects: the instance then drops
// its caches wholesale (it cannot know what it missed), and the TTLs bound staleness in between.

/** Cached reads by tag, and pages by path (or all); `market`: only the pages priced in that market. */
export type Invalidation = { tags: string[]; pages: string[] | 'all'; market?: string };

type Message = Invalidation & { from: string };

const INSTANCE = randomUUID();

function channel(): string {
  return `${env.REDIS_KEY_PREFIX}:catalog-invalidations`;
}

/** Tells the other instances (fire and forget: a failure only leaves them to their TTLs). */
export function publishInvalidation(invalidation: Invalidation, redis: Redis | null = getRedis()): void {
  if (!redis || redis.status !== 'ready') return;
  const message: Message = { ...invalidation, from: INSTANCE };
  redis.publish(channel(), JSON.stringify(message)).catch((error: unknown) => logger.warn({ err: error }, 'cache invalidation not published'));
}

function parse(raw: string): Message | null {
  try {
    const value = JSON.parse(raw) as Partial<Message>;
    const pagesOk = value.pages === 'all' || (Array.isArray(value.pages) && value.pages.every((p) => typeof p === 'string'));
    const marketOk = value.market === undefined || (typeof value.market === 'string' && /^[a-z0-9][a-z0-9-]{0,31}$/.test(value.market));
    if (typeof value.from !== 'string' || !Array.isArray(value.tags) || !value.tags.every((t) => typeof t === 'string') || !pagesOk || !marketOk) return null;
    return value as Message;
  } catch {
    return null;
  }
}

const globalForBroadcast = globalThis as typeof globalThis & { __storefrontInvalidationSubscriber?: Redis };

/**
 * Applies the other instances' invalidations here (lib/boot.ts, once per process). `everything` is called after a
 * reconnect, when messages may have been missed. Returns a closer for the graceful shutdown; null without Redis.
 */
export function subscribeToInvalidations(
  apply: (invalidation: Invalidation) => void,
  everything: () => void,
  redis: Redis | null = getRedis(),
): (() => Promise<void>) | null {
  if (!redis || globalForBroadcast.__storefrontInvalidationSubscriber) return null;
  // A connection in subscriber mode can run no other command: its own, beside the shared one.
  const subscriber = redis.duplicate({ enableOfflineQueue: true, autoResubscribe: false, connectionName: `${channel()}:listener` });
  globalForBroadcast.__storefrontInvalidationSubscriber = subscriber;
  let connectedBefore = false;
  subscriber.on('error', () => {
    // Counted and reported through the shared connection and readiness; the subscriber retries by itself.
  });
  subscriber.on('ready', () => {
    if (connectedBefore) {
      logger.info('cache invalidation channel reconnected: dropping cached pages and reads that may have missed a write');
      everything();
    }
    connectedBefore = true;
    // On every (re)connection: subscribing twice to one channel is harmless, and a first attempt may have failed.
    subscriber.subscribe(channel()).catch((error: unknown) => logger.warn({ err: error }, 'cache invalidation channel not subscribed; caches fall back to their TTLs'));
  });
  subscriber.on('message', (_channel: string, raw: string) => {
    const message = parse(raw);
    if (!message || message.from === INSTANCE) return;
    apply({ tags: message.tags, pages: message.pages, ...(message.market ? { market: message.market } : {}) });
  });
  subscriber.connect().catch(() => {
    // Retried in the background (retryStrategy); 'ready' subscribes once it connects.
  });
  return async () => {
    globalForBroadcast.__storefrontInvalidationSubscriber = undefined;
    await subscriber.quit().catch(() => subscriber.disconnect());
  };
}
