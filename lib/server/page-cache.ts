import { gunzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { DEFAULT_LOCALE, LOCALES, splitLocale } from '@/lib/i18n/config';
import { agentClass } from './bots';
import { type CompressedParts, compressParts, gzipSplice, packed } from './gzip-splice';
import { NONCE_LENGTH } from './security-headers';
import { MARKET_COOKIE, MARKET_COOKIE_VALUE } from '@/lib/http/market-cookie';

// Full-page cache for what shoppers (and crawlers) read most: home, category, product, content and search pages.
//
// Why a cache of our own rather than Next's full-route cache: every page carries a fresh CSP nonce (proxy.ts), and
// Next can only put a nonce on a page it renders for that request — a prerendered page would have scripts the CSP
// blocks, and a nonce reused across responses protects nothing. So the front door (lib/server/front-door.ts) has a
// page rendered once (an internal request to this same server, with a nonce of its own), keeps the HTML cut at that
// nonce, and serves each later request the pieces joined with that request's fresh nonce — gzipped without
// compressing the page again (lib/server/gzip-splice.ts). Attacker-supplied content cannot carry the nonce: it was
// unknown when the page was rendered, and each response's nonce is new.
//
// What is cached is what every visitor sees alike: catalogue pages, whoever asks — the only personal parts of them,
// the header's cart count and account link, are filled in by the browser (components/layout/use-hint-cookie.ts).
// Client-side navigations (RSC payloads) and anything but GET are rendered per request. The Store API's public
// catalogue reads (products, a product, categories) are kept the same way, as a CDN would keep them. Each instance has its own
// cache in memory, bounded by PAGE_CACHE_MB (least recently used goes first). A page older than PAGE_CACHE_TTL_S is
// still served while one background render refreshes it, up to twice that age. The catalog's invalidators
// (lib/catalog/cache.ts) purge pages at once on the instance that took the write. The bounded LRU, the one render per
// key however many ask (single flight) and the background refresh are lru-cache's; what is ours is what a page is
// (cut at its nonce, gzipped in parts) and when it may be shared.

/**
 * Paths whose anonymous rendering is shared by everyone, in each language: the language is in the path
 * (`/de/products/x`, lib/i18n/config.ts), so the key, which is the path, keeps one copy per language.
 */
const CACHEABLE_PATH = new RegExp(
  `^(?:/(?:${LOCALES.filter((locale) => locale !== DEFAULT_LOCALE).join('|')})(?=/|$))?/?(?:$|categories/[^/]+$|products/[^/]+$|pages/[^/]+$|search$)`,
);
/** The Store API's public catalogue reads: the same answer for every client, declared publicly cacheable. */
const CACHEABLE_API_PATH = /^\/api\/store\/v1\/(?:products(?:\/[^/]+)?|categories)$/;
/** Response headers a cached page keeps; the per-request ones (CSP, request id, referrer policy) are set fresh. */
const KEPT_HEADERS = ['content-type', 'cache-control', 'vary', 'link', 'content-language'] as const;
export const FILL_HEADER = 'x-page-cache-fill';
/** The first word of a Store API key (pages have the visitor's agent kind there). */
export const API_AGENT = 'api';

/**
 * The shopper's market (lib/markets/context.ts): catalogue pages are priced in it, so each market has its own copy.
 * Read here from the raw Cookie header — the front door runs before Next — and only its value is passed to the fill.
 */
export { MARKET_COOKIE };

/** The market code a request's cookies name, or null (the default market). Any other cookie is ignored. */
export function marketOfCookies(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== MARKET_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return MARKET_COOKIE_VALUE.test(value) ? value : null;
  }
  return null;
}

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
  // Cookies do not matter but one: catalogue pages are the same HTML for every visitor of a market. The header's cart
  // count and account link are filled in by the browser from hint cookies (components/layout/use-hint-cookie.ts);
  // the market cookie decides the currency of every price, so each market is a copy of its own ("@eu"; none for the
  // default). Next renders crawlers' pages differently (lib/server/bots.ts); each class of agent gets a copy too.
  const market = marketOfCookies(header('cookie'));
  return `${agentClass(header('user-agent') ?? '')}${market ? `@${market}` : ''} ${request.pathname}${request.search}`;
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
  const gzipParts = compressParts(parts, NONCE_LENGTH);
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
 * The page as one response's body and headers, with that response's nonce (newNonce() in lib/server/security-headers.ts); gzipped when the client
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


/** The path of a cache key (`<agent> <path>?<query>`), without its language prefix: a purge reaches every language. */
function pathOf(key: string): string {
  return splitLocale(key.slice(key.indexOf(' ') + 1).split('?')[0]!).pathname;
}

/** Whether a cache key holds a copy priced in `market`: a page's `@market`, or a Store API read's `market=` parameter. */
function inMarket(key: string, market: string): boolean {
  const space = key.indexOf(' ');
  if (key.slice(0, space).endsWith(`@${market}`)) return true;
  const query = key.slice(space + 1).split('?')[1];
  return query !== undefined && new URLSearchParams(query).get('market') === market;
}

type Render = () => Promise<RenderedPage | null>;

export class PageCache {
  private readonly pages: LRUCache<string, CachedPage, Render>;
  /**
   * The keys being rendered. lru-cache runs one render per key, but does not list keys whose first render is under
   * way: a purge must reach those too (a render that began before a purge is dropped), and the door asks whether a
   * request can wait for a render instead of starting one.
   */
  private readonly renders = new Map<string, AbortSignal>();
  readonly stats = { hits: 0, stale: 0, misses: 0, purges: 0 };

  constructor(
    maxBytes: number,
    private readonly ttlMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.pages = new LRUCache<string, CachedPage, Render>({
      maxSize: maxBytes,
      // One page bigger than a quarter of the cache is served but not kept: it would push out many others.
      maxEntrySize: Math.max(1, Math.floor(maxBytes / 4)),
      sizeCalculation: (page) => Math.max(1, page.bytes),
      // Hard expiry at twice the TTL; between one and two TTLs a page is served stale while it is rendered again.
      ttl: 2 * ttlMs,
      ttlResolution: 0,
      perf: { now },
      // A failed or unshareable refresh keeps the stale page until its hard expiry; a purge aborts the render.
      allowStaleOnFetchRejection: true,
      fetchMethod: (key, _stale, { signal, context }) => this.fill(key, signal, context),
    });
  }

  private async fill(key: string, signal: AbortSignal, render: Render): Promise<CachedPage | undefined> {
    this.renders.set(key, signal);
    try {
      const rendered = await render().catch(() => null);
      // undefined: nothing to store (lru-cache keeps the stale copy, if any, or forgets the key).
      if (signal.aborted || !rendered || !isShareable(rendered)) return undefined;
      return cutPage(rendered, this.now());
    } finally {
      if (this.renders.get(key) === signal) this.renders.delete(key);
    }
  }

  /**
   * The stored page for `key`: fresh, or past its TTL (up to twice it) while one background render by `refresh`
   * replaces it. Null when there is none: the caller renders it (render()) or has the request rendered as usual.
   */
  lookup(key: string, refresh: Render): { page: CachedPage; outcome: 'hit' | 'stale' } | null {
    // allowStale: a page being refreshed is still served (lru-cache only hands back its stale value when asked).
    const cached = this.pages.get(key, { allowStale: true, noDeleteOnStaleGet: true });
    if (!cached) return null;
    const age = this.now() - cached.storedAt;
    if (age >= 2 * this.ttlMs) {
      this.pages.delete(key);
      return null;
    }
    if (age < this.ttlMs) {
      this.stats.hits++;
      return { page: cached, outcome: 'hit' };
    }
    this.stats.stale++;
    // One background render however many requests see the page stale: lru-cache joins them to the one under way.
    void this.pages.fetch(key, { forceRefresh: true, allowStale: true, context: refresh }).catch(() => undefined);
    return { page: cached, outcome: 'stale' };
  }

  /** Whether a render of `key` is under way (a request for it can wait for that render instead of starting one). */
  rendering(key: string): boolean {
    return this.renders.has(key);
  }

  /**
   * Renders `key` once for every request that asks meanwhile, and stores the page unless a purge came in between.
   * Null when the render failed or was not shareable.
   */
  async render(key: string, render: Render): Promise<CachedPage | null> {
    const page = await this.pages.fetch(key, { context: render }).catch(() => undefined);
    if (!page) return null;
    this.stats.misses++;
    return page;
  }

  /** The stored page for a key, whatever its age (tests, diagnostics). */
  peek(key: string): CachedPage | null {
    return this.pages.peek(key, { allowStale: true }) ?? null;
  }

  /**
   * Drops every page (no argument) or the pages of these paths, whatever their query string and agent; with a market,
   * only the copies priced in that (non-default) market.
   */
  purge(pathnames?: readonly string[], market?: string): void {
    this.stats.purges++;
    // Deleting a key also aborts its render under way, so a page rendered before the purge is never stored after it.
    if (!pathnames && !market) {
      this.pages.clear();
      return;
    }
    const paths = pathnames ? new Set(pathnames) : null;
    for (const key of new Set([...this.pages.keys(), ...this.renders.keys()])) {
      if ((!paths || paths.has(pathOf(key))) && (!market || inMarket(key, market))) this.pages.delete(key);
    }
  }

  snapshot(): PageCacheStats {
    return { ...this.stats, entries: this.pages.size, bytes: this.pages.calculatedSize };
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

/**
 * Purges this process's cached pages: all of them, or those of the given paths; with a market, only its copies. A
 * no-op before the first page.
 */
export function purgeCachedPages(pathnames?: readonly string[], market?: string): void {
  (globalThis as WithShared)[SHARED]?.cache.purge(pathnames, market);
}

/** Counters for /api/metrics; null when this process has no page cache. */
export function pageCacheStats(): PageCacheStats | null {
  return (globalThis as WithShared)[SHARED]?.cache.snapshot() ?? null;
}
