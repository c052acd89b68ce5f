// In-process cache of the catalog reads every shopper shares (lib/catalog/cache.ts), with tags.
//
// Why not Next's unstable_cache: it de-duplicates work only within one request. Under load every concurrent request
// that misses runs the query itself, and every request that finds an entry past its revalidate time starts its own
// background refresh — on a 50,000-product catalog a dozen copies of a one-second facet query ran at once, held
// the database pool and starved everything else (checkout, carts). Here one load per key runs at a time:
//   - a miss is loaded once, and every request for the key meanwhile waits for that load;
//   - an entry past `ttlMs` is still served while one background load refreshes it (stale-while-revalidate), up to
//     STALE_FACTOR × ttlMs; older than that it is loaded again in the foreground, so an entry nobody read for a while
//     is never served far out of date;
//   - invalidate(tags) drops the entries at once; a load begun before it is neither stored nor joined by later
//     readers, so a reader after a write always gets data read after the write.
// Values are shared between requests and must be treated as immutable. Memory is bounded by an estimate of each
// value's JSON size; the least recently used entries go first.

import { gauge } from '@/lib/observability/metrics';

export const STALE_FACTOR = 2;

type Entry = { value: unknown; tags: readonly string[]; storedAt: number; bytes: number };

export type DataCacheStats = { hits: number; stale: number; misses: number; refreshErrors: number; entries: number; bytes: number };

export class DataCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loads = new Map<string, { promise: Promise<unknown>; tags: readonly string[] }>();
  /** When each tag was last invalidated, so a load begun before that is not stored. */
  private readonly tagGenerations = new Map<string, number>();
  private generation = 0;
  /** The generation of the last clear(): loads begun before it are not stored. */
  private clearedAt = 0;
  private bytes = 0;
  readonly stats = { hits: 0, stale: 0, misses: 0, refreshErrors: 0 };

  constructor(
    private readonly maxBytes: number,
    private readonly now: () => number = Date.now,
    private readonly onRefreshError: (key: string, error: unknown) => void = () => {},
  ) {}

  async get<T>(key: string, options: { tags: readonly string[]; ttlMs: number }, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry) {
      const age = this.now() - entry.storedAt;
      if (age < options.ttlMs) {
        this.stats.hits++;
        this.touch(key, entry);
        return entry.value as T;
      }
      if (age < options.ttlMs * STALE_FACTOR) {
        this.stats.stale++;
        this.touch(key, entry);
        if (!this.loads.has(key)) {
          this.startLoad(key, options.tags, load).catch((error: unknown) => {
            this.stats.refreshErrors++;
            this.onRefreshError(key, error);
          });
        }
        return entry.value as T;
      }
    }
    this.stats.misses++;
    const running = this.loads.get(key);
    if (running) return running.promise as Promise<T>;
    return this.startLoad(key, options.tags, load);
  }

  /** Drops every entry carrying one of these tags; loads already running for them will not be stored. */
  invalidate(tags: readonly string[]): void {
    this.generation++;
    const dropped = new Set(tags);
    for (const tag of dropped) this.tagGenerations.set(tag, this.generation);
    for (const [key, entry] of this.entries) {
      if (entry.tags.some((tag) => dropped.has(tag))) this.remove(key);
    }
    // Later readers must not join a load that may have read the data before the write.
    for (const [key, running] of this.loads) {
      if (running.tags.some((tag) => dropped.has(tag))) this.loads.delete(key);
    }
  }

  /** Drops everything; loads already running will not be stored. */
  clear(): void {
    this.generation++;
    this.clearedAt = this.generation;
    this.entries.clear();
    this.loads.clear();
    this.bytes = 0;
  }

  snapshot(): DataCacheStats {
    return { ...this.stats, entries: this.entries.size, bytes: this.bytes };
  }

  private startLoad<T>(key: string, tags: readonly string[], load: () => Promise<T>): Promise<T> {
    const generation = this.generation;
    const promise = load()
      .then((value) => {
        const overtaken = this.clearedAt > generation || tags.some((tag) => (this.tagGenerations.get(tag) ?? 0) > generation);
        if (!overtaken) this.store(key, tags, value);
        return value;
      })
      .finally(() => {
        if (this.loads.get(key)?.promise === promise) this.loads.delete(key);
      });
    this.loads.set(key, { promise, tags });
    return promise;
  }

  private store(key: string, tags: readonly string[], value: unknown) {
    const bytes = key.length + (JSON.stringify(value)?.length ?? 0);
    this.remove(key);
    if (bytes > this.maxBytes / 8) return;
    this.entries.set(key, { value, tags, storedAt: this.now(), bytes });
    this.bytes += bytes;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  private touch(key: string, entry: Entry) {
    // Map order is insertion order: re-inserting makes this the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

// ---- the process's cache ---------------------------------------------------------------------------------------
// Pages, route handlers and server actions are bundled separately, so module state is not shared between them; the
// process-wide instance lives on globalThis under a registered symbol (as the page cache does).

const SHARED = Symbol.for('storefront.data-cache');
type WithShared = typeof globalThis & { [SHARED]?: DataCache };

export function sharedDataCache(create: () => DataCache): DataCache {
  const holder = globalThis as WithShared;
  holder[SHARED] ??= create();
  return holder[SHARED];
}

/** Counters for /api/metrics; null until the first cached read. */
export function dataCacheStats(): DataCacheStats | null {
  return (globalThis as WithShared)[SHARED]?.snapshot() ?? null;
}

// The data cache's own metrics, read at scrape time.
gauge({
  name: 'storefront_data_cache_reads',
  help: 'Cached catalog reads since start, by outcome: hit, stale (served while one background load refreshes it) or miss (loaded, shared by concurrent readers).',
  labelNames: ['outcome'] as const,
  collect() {
    const stats = dataCacheStats();
    this.set({ outcome: 'hit' }, stats?.hits ?? 0);
    this.set({ outcome: 'stale' }, stats?.stale ?? 0);
    this.set({ outcome: 'miss' }, stats?.misses ?? 0);
  },
});

gauge({
  name: 'storefront_data_cache_bytes',
  help: 'Estimated size of the catalog reads held by the data cache (bounded by DATA_CACHE_MB).',
  collect() {
    this.set(dataCacheStats()?.bytes ?? 0);
  },
});
