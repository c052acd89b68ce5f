import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { getBotType } from 'next/dist/shared/lib/router/utils/is-bot';
import { type CompressedParts, compressParts, gzipSplice, packed } from './gzip-splice';

// Full-page cache for what shoppers (and crawlers) read most: home, category, product, content and search pages.
//
// Why a cache of our own rather than Next's full-route cache: every page carries a fresh CSP nonce (proxy.ts), and
// Next can only put a nonce on a page it renders for that request — a prerendered page would have scripts the CSP
// blocks, and a nonce reused across responses protects nothing. So the front door (lib/http/front-door.ts) has a
// page rendered once (an internal request to this same server, with a nonce of its own), keeps the HTML cut at that
// nonce, and serves each later request the pieces joined with that request's fresh nonce — gzipped without
// compressing the page again (lib/http/gzip-splice.ts). Attacker-supplied content cannot carry the nonce: it was
// unknown when the page was rendered, and each response's nonce is new.
//
// What is cached is what every visitor sees alike: catalogue pages, whoever asks — the only personal parts of them,
// the header's cart count and account link, are filled in by the browser (components/layout/use-hint-cookie.ts).
// Client-side navigations (RSC payloads) and anything but GET are rendered per request. The Store API's public
// catalogue reads (products, a product, categories) are kept the same way, as a CDN would keep them. Each instance has its own
// cache in memory, bounded by PAGE_CACHE_MB (least recently used goes first). A page older than PAGE_CACHE_TTL_S is
// still served while one background render refreshes it, up to twice that age. The catalog's invalidators
// (lib/catalog/cache.ts) purge pages at once on the instance that took the write.

/** Paths whose anonymous rendering is shared by everyone. */
const CACHEABLE_PATH = /^\/(?:$|categories\/[^/]+$|products\/[^/]+$|pages\/[^/]+$|search$)/;
/** The Store API's public catalogue reads: the same answer for every client, declared publicly cacheable. */
const CACHEABLE_API_PATH = /^\/api\/store\/v1\/(?:products(?:\/[^/]+)?|categories)$/;
/** Response headers a cached page keeps; the per-request ones (CSP, request id, referrer policy) are set fresh. */
const KEPT_HEADERS = ['content-type', 'cache-control', 'vary', 'link', 'content-language'] as const;
export const FILL_HEADER = 'x-page-cache-fill';
/** The first word of a Store API key (pages have the visitor's agent kind there). */
export const API_AGENT = 'api';

export type PageRequest = { method: string; pathname: string; search: string; header: (name: string) => string | undefined };

/** The cache key for a request whose page every anonymous visitor gets alike, or null to render it per request. */
export function pageCacheKey(request: PageRequest): string | null {
  if (request.method !== 'GET') return null;
  if (CACHEABLE_API_PATH.test(request.pathname)) return `${API_AGENT} ${request.pathname}${request.search}`;
  if (!CACHEABLE_PATH.test(request.pathname)) return null;
  const { header } = request;
  // Only a document request gets a document. Client-side navigations and prefetches fetch the RSC payload instead
  // (which depends on the router state the client sends); they are told apart the way the browser tells them apart:
  // a navigation accepts HTML and, from a browser, has Sec-Fetch-Dest `document`; fetch() sends `*/*` and `empty`.
  if (!(header('accept') ?? '').includes('text/html')) return null;
  const destination = header('sec-fetch-dest');
  if (destination !== undefined && destination !== 'document') return null;
  if (header('rsc') !== undefined || header('next-router-prefetch') !== undefined || header('next-router-state-tree') !== undefined) return null;
  if (request.search.includes('_rsc=')) return null;
  // Cookies do not matter: catalogue pages are the same HTML for every visitor. The header's cart count and account
  // link are filled in by the browser from hint cookies (components/layout/use-hint-cookie.ts).
  // Next renders metadata differently for crawlers that do not run JavaScript; they get a page of their own.
  const agent = getBotType(header('user-agent') ?? '') ?? 'browser';
  return `${agent} ${request.pathname}${request.search}`;
}

/** Every nonce is 16 random bytes in base64: 24 characters. */
export const NONCE_BYTES = 24;

/** A fresh CSP nonce. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** A rendered page, cut at the nonce it was rendered with. */
export type CachedPage = {
  /** The body cut at the nonce, each part compressed once: only the gzipped form is kept (gzipSplice()). */
  gzipParts: CompressedParts;
  /** A body without the nonce (Store API JSON) is also kept as it is: it needs no splicing, and API clients often take no gzip. */
  plain: Buffer | null;
  /** Header values, cut at the nonce like the body (Next's `Link: <…css>; rel=preload; nonce="…"`). */
  headers: [name: string, parts: string[]][];
  bytes: number;
  storedAt: number;
};

export type RenderedPage = { status: number; body: string; nonce: string; headers: Headers };

export function cutPage(rendered: RenderedPage, now: number): CachedPage {
  const headers: [string, string[]][] = [];
  const parts = rendered.body.split(rendered.nonce).map((part) => Buffer.from(part));
  const gzipParts = compressParts(parts, NONCE_BYTES);
  const plain = parts.length === 1 ? packed(parts)[0]! : null;
  let bytes = plain?.length ?? 0;
  for (const chunk of gzipParts.chunks) bytes += chunk.length;
  for (const name of KEPT_HEADERS) {
    const value = rendered.headers.get(name);
    if (value === null) continue;
    headers.push([name, value.split(rendered.nonce)]);
    bytes += name.length + value.length;
  }
  return { gzipParts, plain, headers, bytes, storedAt: now };
}

/**
 * The page as one response's body and headers, with that response's nonce (from newNonce()); gzipped when the client
 * takes it, else inflated from the gzipped form (a few tens of microseconds; browsers all take gzip).
 */
export function servePage(page: CachedPage, nonce: string, options: { gzip: boolean }): { body: Buffer; headers: [string, string][] } {
  const headers: [string, string][] = page.headers.map(([name, parts]) => [name, parts.join(nonce)]);
  if (!options.gzip && page.plain) return { body: page.plain, headers };
  const gzipped = gzipSplice(page.gzipParts, Buffer.from(nonce));
  if (options.gzip) return { body: gzipped, headers: [...headers, ['content-encoding', 'gzip']] };
  return { body: gunzipSync(gzipped), headers };
}

/**
 * Only a complete, successful, cookie-free answer is shared: an HTML page rendered with the fill's nonce, or JSON its
 * route declared publicly cacheable.
 */
export function isShareable(rendered: RenderedPage): boolean {
  if (rendered.status !== 200 || rendered.headers.has('set-cookie')) return false;
  const type = rendered.headers.get('content-type') ?? '';
  if (type.startsWith('application/json')) return /(?:^|,)\s*public\b/.test(rendered.headers.get('cache-control') ?? '');
  return type.startsWith('text/html') && rendered.body.includes(rendered.nonce);
}

export type PageCacheStats = { hits: number; stale: number; misses: number; purges: number; entries: number; bytes: number };


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
  readonly stats = { hits: 0, stale: 0, misses: 0, purges: 0 };

  constructor(
    private readonly maxBytes: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The stored page for `key`: fresh, or past its TTL (up to twice it) while one background render by `refresh`
   * replaces it. Null when there is none: the caller renders it (render()) or has the request rendered as usual.
   */
  lookup(key: string, refresh: () => Promise<RenderedPage | null>): { page: CachedPage; outcome: 'hit' | 'stale' } | null {
    const cached = this.entries.get(key);
    if (!cached) return null;
    const age = this.now() - cached.storedAt;
    if (age >= 2 * this.ttlMs) {
      this.remove(key);
      return null;
    }
    // Map order is insertion order: re-inserting makes this the most recently used.
    this.entries.delete(key);
    this.entries.set(key, cached);
    if (age < this.ttlMs) {
      this.stats.hits++;
      return { page: cached, outcome: 'hit' };
    }
    this.stats.stale++;
    void this.render(key, refresh, { background: true });
    return { page: cached, outcome: 'stale' };
  }

  /** Whether a render of `key` is under way (a request for it can wait for that render instead of starting one). */
  rendering(key: string): boolean {
    return this.inFlight.has(key);
  }

  /**
   * Renders `key` once for every request that asks meanwhile, and stores the page unless a purge came in between.
   * Null when the render failed or was not shareable.
   */
  async render(key: string, render: () => Promise<RenderedPage | null>, options: { background?: boolean } = {}): Promise<CachedPage | null> {
    let pending = this.inFlight.get(key);
    if (!pending) {
      const generation = this.generation;
      pending = render()
        .then((rendered) => {
          if (!rendered || !isShareable(rendered)) return null;
          const page = cutPage(rendered, this.now());
          if (generation === this.generation) this.store(key, page);
          return page;
        })
        .catch(() => null)
        .finally(() => {
          if (this.inFlight.get(key) === pending) this.inFlight.delete(key);
        });
      this.inFlight.set(key, pending);
    }
    const page = await pending;
    if (page && !options.background) this.stats.misses++;
    return page;
  }

  /** The stored page for a key, whatever its age (tests, diagnostics). */
  peek(key: string): CachedPage | null {
    return this.entries.get(key) ?? null;
  }

  /** Drops every page (no argument) or the pages of these paths, whatever their query string and agent. */
  purge(pathnames?: readonly string[]): void {
    this.generation++;
    this.stats.purges++;
    this.inFlight.clear();
    if (!pathnames) {
      this.entries.clear();
      this.bytes = 0;
      return;
    }
    const paths = new Set(pathnames);
    for (const key of [...this.entries.keys()]) {
      if (paths.has(pathOf(key))) this.remove(key);
    }
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
// The front door, the proxy and the route handlers/actions that invalidate are bundled separately, so module state
// is not shared between them; the process-wide instance lives on globalThis under a registered symbol.

type Shared = { cache: PageCache; fillSecret: string };
const SHARED = Symbol.for('storefront.page-cache');
type WithShared = typeof globalThis & { [SHARED]?: Shared };

/** The process's page cache, made on first use with these limits. */
export function sharedPageCache(config: { maxBytes: number; ttlMs: number }): Shared {
  const holder = globalThis as WithShared;
  holder[SHARED] ??= {
    cache: new PageCache(config.maxBytes, config.ttlMs),
    // Marks the front door's own render requests; a request from outside cannot guess it (and gains nothing if it could).
    fillSecret: crypto.randomUUID(),
  };
  return holder[SHARED];
}

/** The secret of the page cache's own render requests; null when this process has no page cache. */
export function pageCacheFillSecret(): string | null {
  return (globalThis as WithShared)[SHARED]?.fillSecret ?? null;
}

/** Purges this process's cached pages: all of them, or those of the given paths. A no-op before the first page. */
export function purgeCachedPages(pathnames?: readonly string[]): void {
  (globalThis as WithShared)[SHARED]?.cache.purge(pathnames);
}

/** Counters for /api/metrics; null when this process has no page cache. */
export function pageCacheStats(): PageCacheStats | null {
  return (globalThis as WithShared)[SHARED]?.cache.snapshot() ?? null;
}
