import { getBotType } from 'next/dist/shared/lib/router/utils/is-bot';

// Full-page cache for what anonymous shoppers (and crawlers) read most: home, category, product and search pages.
//
// Why a cache of our own rather than Next's full-route cache: every page carries a fresh CSP nonce (proxy.ts), and
// Next can only put a nonce on a page it renders for that request — a prerendered page would have scripts the CSP
// blocks, and a nonce reused across responses protects nothing. So the proxy renders a page once (an internal
// request to this same server, with a nonce of its own), keeps the HTML cut at that nonce, and serves each later
// request the pieces joined with that request's fresh nonce. Attacker-supplied content cannot carry the nonce: it
// was unknown when the page was rendered, and each response's nonce is new.
//
// What is cached is what every anonymous visitor sees alike: requests carrying a cart or session cookie, client-side
// navigations (RSC payloads) and anything but GET are rendered per request as before. Each instance has its own
// cache in memory, bounded by PAGE_CACHE_MB (least recently used goes first) and PAGE_CACHE_TTL_S; the catalog's
// invalidators (lib/catalog/cache.ts) purge it at once on the instance that took the write, and the TTL bounds how
// stale another instance can be — the same contract as the tagged data cache under it.

/** Paths whose anonymous rendering is shared by everyone. */
const CACHEABLE_PATH = /^\/(?:$|categories\/[^/]+$|products\/[^/]+$|search$)/;
/** A cart or a session makes the header personal (cart count, account link). */
const PERSONAL_COOKIE = /(?:^|;\s*)(?:sf_cart|(?:__Secure-)?authjs\.session-token)=/;
/** Response headers a cached page keeps; the per-request ones (CSP, request id, referrer policy) are set fresh. */
const KEPT_HEADERS = ['content-type', 'cache-control', 'vary', 'link', 'content-language'] as const;
export const FILL_HEADER = 'x-page-cache-fill';

export type PageRequest = { method: string; pathname: string; search: string; headers: Headers };

/** The cache key for a request whose page every anonymous visitor gets alike, or null to render it per request. */
export function pageCacheKey(request: PageRequest): string | null {
  if (request.method !== 'GET') return null;
  if (!CACHEABLE_PATH.test(request.pathname)) return null;
  const { headers } = request;
  // Only a document request gets a document. Client-side navigations and prefetches fetch the RSC payload instead
  // (which depends on the router state the client sends) — and Next strips their RSC headers and `_rsc` parameter
  // before the proxy runs, so they are told apart the way the browser tells them apart: a navigation accepts HTML
  // and, from a browser, has Sec-Fetch-Dest `document`; fetch() sends `*/*` and `empty`.
  if (!(headers.get('accept') ?? '').includes('text/html')) return null;
  const destination = headers.get('sec-fetch-dest');
  if (destination !== null && destination !== 'document') return null;
  if (headers.has('rsc') || headers.has('next-router-prefetch') || headers.has('next-router-state-tree')) return null;
  if (request.search.includes('_rsc=')) return null;
  if (PERSONAL_COOKIE.test(headers.get('cookie') ?? '')) return null;
  // Next renders metadata differently for crawlers that do not run JavaScript; they get a page of their own.
  const agent = getBotType(headers.get('user-agent') ?? '') ?? 'browser';
  return `${agent} ${request.pathname}${request.search}`;
}

/** A rendered page, cut at the nonce it was rendered with. */
export type CachedPage = {
  parts: string[];
  /** Header values, cut at the nonce like the body (Next's `Link: <…css>; rel=preload; nonce="…"`). */
  headers: [name: string, parts: string[]][];
  bytes: number;
  storedAt: number;
};

export type RenderedPage = { status: number; html: string; nonce: string; headers: Headers };

export function cutPage(rendered: RenderedPage, now: number): CachedPage {
  const headers: [string, string[]][] = [];
  let bytes = rendered.html.length;
  for (const name of KEPT_HEADERS) {
    const value = rendered.headers.get(name);
    if (value === null) continue;
    headers.push([name, value.split(rendered.nonce)]);
    bytes += name.length + value.length;
  }
  return { parts: rendered.html.split(rendered.nonce), headers, bytes, storedAt: now };
}

/** The page as one response's body and headers, with that response's nonce. */
export function servePage(page: CachedPage, nonce: string): { body: string; headers: [string, string][] } {
  return { body: page.parts.join(nonce), headers: page.headers.map(([name, parts]) => [name, parts.join(nonce)]) };
}

/** Only a complete, successful, cookie-free HTML page is shared. */
export function isShareable(rendered: RenderedPage): boolean {
  return (
    rendered.status === 200 &&
    !rendered.headers.has('set-cookie') &&
    (rendered.headers.get('content-type') ?? '').startsWith('text/html') &&
    rendered.html.includes(rendered.nonce)
  );
}

/**
 * After a purge, pages are served but not kept for this long. The tagged data cache under the pages refreshes an
 * invalidated entry stale-while-revalidate (Next 16's revalidateTag): the first render after a write may still read
 * the old data while the fresh copy loads. A page cached from that render would keep the old data for the whole TTL.
 */
export const PURGE_SETTLE_MS = 5_000;

export type PageCacheStats = { hits: number; misses: number; purges: number; entries: number; bytes: number };

/** The path of a cache key (`<agent> <path>?<query>`). */
function pathOf(key: string): string {
  return key.slice(key.indexOf(' ') + 1).split('?')[0]!;
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly inFlight = new Map<string, Promise<CachedPage | null>>();
  private bytes = 0;
  /** Bumped by every purge, so a render that began before a purge is not stored after it. */
  private generation = 0;
  /** Until when renders of a path (or of every path) are not kept, after a purge (see PURGE_SETTLE_MS). */
  private readonly settlingPaths = new Map<string, number>();
  private settlingAllUntil = 0;
  readonly stats = { hits: 0, misses: 0, purges: 0 };

  constructor(
    private readonly maxBytes: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  get(key: string): CachedPage | null {
    const page = this.entries.get(key);
    if (!page) return null;
    if (this.now() - page.storedAt >= this.ttlMs) {
      this.remove(key);
      return null;
    }
    // Map order is insertion order: re-inserting makes this the most recently used.
    this.entries.delete(key);
    this.entries.set(key, page);
    return page;
  }

  /**
   * The cached page, or a render by `render` shared by every request for the key that arrives meanwhile. Resolves
   * null when the render failed or was not shareable (the caller then renders the request itself).
   */
  async getOrRender(key: string, render: () => Promise<RenderedPage | null>): Promise<{ page: CachedPage; hit: boolean } | null> {
    const cached = this.get(key);
    if (cached) {
      this.stats.hits++;
      return { page: cached, hit: true };
    }
    let pending = this.inFlight.get(key);
    if (!pending) {
      const generation = this.generation;
      const keep = !this.settling(key);
      pending = render()
        .then((rendered) => {
          if (!rendered || !isShareable(rendered)) return null;
          const page = cutPage(rendered, this.now());
          if (keep && generation === this.generation) this.store(key, page);
          return page;
        })
        .catch(() => null)
        .finally(() => {
          if (this.inFlight.get(key) === pending) this.inFlight.delete(key);
        });
      this.inFlight.set(key, pending);
    }
    const page = await pending;
    if (!page) return null;
    this.stats.misses++;
    return { page, hit: false };
  }

  /** Drops every page (no argument) or the pages of these paths, whatever their query string and agent. */
  purge(pathnames?: readonly string[]): void {
    this.generation++;
    this.stats.purges++;
    this.inFlight.clear();
    const now = this.now();
    if (!pathnames) {
      this.settlingAllUntil = now + PURGE_SETTLE_MS;
      this.settlingPaths.clear();
      this.entries.clear();
      this.bytes = 0;
      return;
    }
    for (const [path, until] of this.settlingPaths) if (until <= now) this.settlingPaths.delete(path);
    const paths = new Set(pathnames);
    for (const path of paths) this.settlingPaths.set(path, now + PURGE_SETTLE_MS);
    for (const key of [...this.entries.keys()]) {
      if (paths.has(pathOf(key))) this.remove(key);
    }
  }

  private settling(key: string): boolean {
    const now = this.now();
    return now < this.settlingAllUntil || now < (this.settlingPaths.get(pathOf(key)) ?? 0);
  }

  snapshot(): PageCacheStats {
    return { ...this.stats, entries: this.entries.size, bytes: this.bytes };
  }

  private store(key: string, page: CachedPage) {
    if (page.bytes > this.maxBytes / 4) return;
    this.remove(key);
    this.entries.set(key, page);
    this.bytes += page.bytes;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(key: string) {
    const page = this.entries.get(key);
    if (!page) return;
    this.entries.delete(key);
    this.bytes -= page.bytes;
  }
}

// ---- the process's cache ---------------------------------------------------------------------------------------
// The proxy and the route handlers/actions that invalidate are bundled separately, so module state is not shared
// between them; the process-wide instance lives on globalThis under a registered symbol.

type Shared = { cache: PageCache; fillSecret: string };
const SHARED = Symbol.for('storefront.page-cache');
type WithShared = typeof globalThis & { [SHARED]?: Shared };

/** The process's page cache, made on first use with these limits. */
export function sharedPageCache(config: { maxBytes: number; ttlMs: number }): Shared {
  const holder = globalThis as WithShared;
  holder[SHARED] ??= {
    cache: new PageCache(config.maxBytes, config.ttlMs),
    // Marks the proxy's own render requests; a request from outside cannot guess it (and gains nothing if it could).
    fillSecret: crypto.randomUUID(),
  };
  return holder[SHARED];
}

/** Purges this process's cached pages: all of them, or those of the given paths. A no-op before the first page. */
export function purgeCachedPages(pathnames?: readonly string[]): void {
  (globalThis as WithShared)[SHARED]?.cache.purge(pathnames);
}

/** Counters for /api/metrics; null until the proxy has made the cache. */
export function pageCacheStats(): PageCacheStats | null {
  return (globalThis as WithShared)[SHARED]?.cache.snapshot() ?? null;
}
