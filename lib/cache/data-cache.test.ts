import { describe, expect, it } from 'vitest';
import { DataCache, STALE_FACTOR } from './data-cache';

const TTL = 60_000;
const opts = (tags: string[] = ['catalog']) => ({ tags, ttlMs: TTL });

/** A load the test finishes by hand, counting how often it was started. */
function deferredLoads<T>() {
  const pending: { resolve: (value: T) => void; reject: (error: Error) => void }[] = [];
  let started = 0;
  return {
    load: () =>
      new Promise<T>((resolve, reject) => {
        started++;
        pending.push({ resolve, reject });
      }),
    resolveNext: (value: T) => pending.shift()!.resolve(value),
    rejectNext: (error: Error) => pending.shift()!.reject(error),
    get started() {
      return started;
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A cache holding 'home' = 'v1', on a clock the test moves. */
async function cachedHome(onRefreshError?: (key: string) => void) {
  const clock = { now: 0 };
  const cache = new DataCache(1 << 20, () => clock.now, onRefreshError);
  const loads = deferredLoads<string>();
  const first = cache.get('home', opts(), loads.load);
  loads.resolveNext('v1');
  await first;
  return { cache, loads, clock };
}

describe('DataCache', () => {
  it('loads a key once for every concurrent reader, then answers from memory', async () => {
    const cache = new DataCache(1 << 20);
    const loads = deferredLoads<string>();
    const readers = Array.from({ length: 50 }, () => cache.get('browse page=1', opts(), loads.load));
    expect(loads.started).toBe(1);
    loads.resolveNext('rows');
    expect(await Promise.all(readers)).toEqual(Array(50).fill('rows'));
    expect(await cache.get('browse page=1', opts(), loads.load)).toBe('rows');
    expect(loads.started).toBe(1);
    expect(cache.snapshot()).toMatchObject({ misses: 50, hits: 1, entries: 1 });
  });

  it('serves an expired entry while one background load refreshes it, then the fresh copy', async () => {
    const { cache, loads, clock } = await cachedHome();
    clock.now += TTL;
    // Past its time: every reader gets the old copy at once, and only one refresh runs.
    const stale = await Promise.all(Array.from({ length: 20 }, () => cache.get('home', opts(), loads.load)));
    expect(stale).toEqual(Array(20).fill('v1'));
    expect(loads.started).toBe(2);
    loads.resolveNext('v2');
    await tick();
    expect(await cache.get('home', opts(), loads.load)).toBe('v2');
    expect(loads.started).toBe(2);
  });

  it('loads an entry nobody read for a long time in the foreground instead of serving it', async () => {
    const { cache, loads, clock } = await cachedHome();
    clock.now += TTL * STALE_FACTOR;
    const reader = cache.get('home', opts(), loads.load);
    loads.resolveNext('v2');
    expect(await reader).toBe('v2');
  });

  it('keeps serving the previous copy when a background refresh fails, and reports it', async () => {
    const failed: string[] = [];
    const { cache, loads, clock } = await cachedHome((key) => failed.push(key));
    clock.now += TTL;
    expect(await cache.get('home', opts(), loads.load)).toBe('v1');
    loads.rejectNext(new Error('database down'));
    await tick();
    expect(failed).toEqual(['home']);
    expect(await cache.get('home', opts(), loads.load)).toBe('v1');
    expect(loads.started).toBe(3);
  });

  it('passes a failed foreground load to its readers and does not keep the failure', async () => {
    const cache = new DataCache(1 << 20);
    const loads = deferredLoads<string>();
    const readers = [cache.get('home', opts(), loads.load), cache.get('home', opts(), loads.load)];
    loads.rejectNext(new Error('database down'));
    for (const reader of readers) await expect(reader).rejects.toThrow('database down');
    const retry = cache.get('home', opts(), loads.load);
    loads.resolveNext('v1');
    expect(await retry).toBe('v1');
  });

  it('drops the entries of an invalidated tag at once and keeps the others', async () => {
    const cache = new DataCache(1 << 20);
    await cache.get('product a', opts(['catalog', 'product:a']), async () => 'a1');
    await cache.get('product b', opts(['catalog', 'product:b']), async () => 'b1');
    await cache.get('settings', opts(['store-settings']), async () => 's1');
    cache.invalidate(['product:a']);
    expect(await cache.get('product a', opts(['catalog', 'product:a']), async () => 'a2')).toBe('a2');
    expect(await cache.get('product b', opts(['catalog', 'product:b']), async () => 'b2')).toBe('b1');
    cache.invalidate(['catalog']);
    expect(await cache.get('product b', opts(['catalog', 'product:b']), async () => 'b3')).toBe('b3');
    expect(await cache.get('settings', opts(['store-settings']), async () => 's2')).toBe('s1');
  });

  it('never keeps or shares a load that began before a write: readers after the write read after it', async () => {
    const cache = new DataCache(1 << 20);
    const loads = deferredLoads<string>();
    const before = cache.get('product a', opts(['product:a']), loads.load);
    cache.invalidate(['product:a']);
    // A reader after the write starts its own load rather than joining the one that may have read old data.
    const after = cache.get('product a', opts(['product:a']), loads.load);
    expect(loads.started).toBe(2);
    loads.resolveNext('old price');
    loads.resolveNext('new price');
    expect(await before).toBe('old price');
    expect(await after).toBe('new price');
    expect(await cache.get('product a', opts(['product:a']), loads.load)).toBe('new price');
  });

  it('does not store a load that an invalidation overtook, even when it finishes last', async () => {
    const cache = new DataCache(1 << 20);
    const loads = deferredLoads<string>();
    const before = cache.get('product a', opts(['product:a']), loads.load);
    cache.invalidate(['product:a']);
    loads.resolveNext('old price');
    await before;
    const next = cache.get('product a', opts(['product:a']), loads.load);
    expect(loads.started).toBe(2);
    loads.resolveNext('new price');
    expect(await next).toBe('new price');
  });

  it('stays within its memory bound, dropping the least recently used entries first', async () => {
    // Each entry weighs 1 (key) + 100 (value, as JSON) bytes: eight fit in 900.
    const value = 'x'.repeat(98);
    const cache = new DataCache(900);
    for (const key of 'abcdefgh') await cache.get(key, opts(), async () => value);
    await cache.get('a', opts(), async () => 'reloaded');
    await cache.get('i', opts(), async () => value);
    const { bytes, entries } = cache.snapshot();
    expect(bytes).toBeLessThanOrEqual(900);
    expect(entries).toBe(8);
    // "b" was the least recently used: it was dropped, "a" (read again) was kept.
    expect(await cache.get('a', opts(), async () => 'reloaded')).toBe(value);
    expect(await cache.get('b', opts(), async () => 'reloaded')).toBe('reloaded');
  });

  it('clear() drops everything, and a load begun before it is not kept', async () => {
    const cache = new DataCache(1 << 20);
    await cache.get('home', opts(['catalog']), async () => 'v1');
    const loads = deferredLoads<string>();
    const before = cache.get('settings', opts(['store-settings']), loads.load);
    cache.clear();
    loads.resolveNext('old settings');
    expect(await before).toBe('old settings');
    expect(cache.snapshot()).toMatchObject({ entries: 0, bytes: 0 });
    expect(await cache.get('home', opts(['catalog']), async () => 'v2')).toBe('v2');
    expect(await cache.get('settings', opts(['store-settings']), async () => 'new settings')).toBe('new settings');
  });
});
