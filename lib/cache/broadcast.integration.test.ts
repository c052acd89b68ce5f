import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { env } from '@/lib/env';
import { type Invalidation, publishInvalidation, subscribeToInvalidations } from './broadcast';

// Cross-instance cache invalidation over a real Redis (REDIS_URL, else the local server): what another instance
// publishes is applied here, what this instance publishes reaches the others, and a reconnect — when messages may
// have been lost — drops everything.

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const channel = `${env.REDIS_KEY_PREFIX}:catalog-invalidations`;

describe('catalogue invalidations across instances', () => {
  let shared: Redis;
  let other: Redis;
  let listener: Redis;
  const applied: Invalidation[] = [];
  let droppedAll = 0;
  let stop: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    shared = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    other = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    listener = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await Promise.all([shared.connect(), other.connect(), listener.connect()]);
    stop = subscribeToInvalidations((invalidation) => applied.push(invalidation), () => (droppedAll += 1), shared);
    // Subscribed once the channel has a listener besides the test's own.
    await vi.waitFor(async () => expect(((await other.pubsub('NUMSUB', channel)) as [string, number])[1]).toBeGreaterThanOrEqual(1), { timeout: 5_000 });
  });

  afterAll(async () => {
    await stop?.();
    shared?.disconnect();
    other?.disconnect();
    listener?.disconnect();
  });

  it("applies another instance's invalidation here, and ignores malformed messages", async () => {
    await other.publish(channel, 'not json');
    await other.publish(channel, JSON.stringify({ from: 'x', tags: 'catalog', pages: 'all' }));
    await other.publish(channel, JSON.stringify({ from: 'y', tags: [], pages: 'all', market: '../all' }));
    await other.publish(channel, JSON.stringify({ from: 'another-instance', tags: ['product:wool-coat'], pages: ['/products/wool-coat'] }));
    // One market's explicit price: only its pages.
    await other.publish(channel, JSON.stringify({ from: 'another-instance', tags: ['market:eu'], pages: 'all', market: 'eu' }));
    await vi.waitFor(
      () =>
        expect(applied).toEqual([
          { tags: ['product:wool-coat'], pages: ['/products/wool-coat'] },
          { tags: ['market:eu'], pages: 'all', market: 'eu' },
        ]),
      { timeout: 5_000 },
    );
  });

  it("publishes this instance's invalidations for the others, and does not apply its own twice", async () => {
    const received: string[] = [];
    await listener.subscribe(channel);
    listener.on('message', (_channel, raw: string) => received.push(raw));
    applied.length = 0;
    publishInvalidation({ tags: ['categories', 'catalog'], pages: 'all' }, shared);
    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 5_000 });
    expect(JSON.parse(received[0]!)).toMatchObject({ tags: ['categories', 'catalog'], pages: 'all' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(applied).toEqual([]);
  });

  it('drops everything after reconnecting, since messages may have been missed while away', async () => {
    // The listener's connection is named after this run's channel; cut it as a network blip would.
    const clients = (await other.client('LIST')) as string;
    const ids = clients
      .split('\n')
      .filter((line) => line.includes(` name=${channel}:listener `))
      .map((line) => /id=(\d+)/.exec(line)![1]!);
    expect(ids).toHaveLength(1);
    await other.client('KILL', 'ID', ids[0]!);
    await vi.waitFor(() => expect(droppedAll).toBeGreaterThanOrEqual(1), { timeout: 10_000 });
    // And it listens again afterwards.
    applied.length = 0;
    await vi.waitFor(
      async () => {
        await other.publish(channel, JSON.stringify({ from: 'another-instance', tags: ['store-settings'], pages: 'all' }));
        expect(applied.length).toBeGreaterThanOrEqual(1);
      },
      { timeout: 10_000, interval: 250 },
    );
  });
});
