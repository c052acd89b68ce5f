import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { logger } from '@/lib/log';
import { Admission, type AdmissionLimits, type Refusal } from './admission';
import { acceptsGzip } from './gzip-splice';
import { FILL_HEADER, newNonce, pageCacheKey, type PageCache, type RenderedPage, servePage } from './page-cache';
import { requestIdFromValue } from './request-id';
import { contentSecurityPolicy, referrerPolicyFor, staticSecurityHeaders } from './security-headers';

// The front door of the production server: every request passes here before Next sees it.
//  1. Anonymous catalog pages are answered from the page cache (lib/http/page-cache.ts) without entering Next at
//     all — a stored page costs a nonce, a join and a checksum, not a render or Next's routing.
//  2. Everything else goes to Next through admission control (lib/http/admission.ts): a bounded number of requests
//     in progress, a bounded queue with a deadline, 503 + Retry-After beyond — so an overload sheds load instead of
//     growing a backlog (and the heap) until the process dies.
// Liveness, readiness and metrics bypass both, so operators see the truth while the store is saturated; so do
// static files, which cost next to nothing.
//
// Next's standalone server.js is generated and not ours to edit, and it hands the app no server object. The server is
// found through Node's documented `http.server.request.start` diagnostics channel (published before the server
// emits 'request', for every request), and on its first request the door is put in front of Next's 'request'
// listener — that request included.

export type FrontDoorOptions = {
  admission: AdmissionLimits;
  pageCache: { cache: PageCache; fillSecret: string } | null;
  /** Where this server listens, for the page cache's own renders on loopback. */
  port: number;
  https: boolean;
};

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

const BYPASS = /^\/(?:api\/(?:health|ready|metrics)(?:[/?]|$)|_next\/static\/)/;
const RETRY_AFTER_S = '2';

type DoorState = { admission: Admission; servers: WeakSet<Server> };
const DOOR = Symbol.for('storefront.front-door');
type WithDoor = typeof globalThis & { [DOOR]?: DoorState };

/** Admission counters for /api/metrics; null when the door is not installed (development, tests). */
export function admissionStats(): { inFlight: number; waiting: number; refused: Record<Refusal, number>; abandoned: number } | null {
  const door = (globalThis as WithDoor)[DOOR];
  if (!door) return null;
  const { admission } = door;
  return { inFlight: admission.inFlight, waiting: admission.waiting, refused: { ...admission.stats.refused }, abandoned: admission.stats.abandoned };
}

/** Installs the front door once per process (lib/boot.ts, production only). */
export function installFrontDoor(options: FrontDoorOptions): void {
  const holder = globalThis as WithDoor;
  if (holder[DOOR]) return;
  const state: DoorState = { admission: new Admission(options.admission), servers: new WeakSet() };
  holder[DOOR] = state;
  const securityHeaders = staticSecurityHeaders(true);

  function refuse(request: IncomingMessage, response: ServerResponse, reason: Refusal) {
    if (response.headersSent || response.destroyed) return;
    const api = (request.url ?? '').startsWith('/api/');
    const message = 'The store is busy right now. Please try again in a moment.';
    response.statusCode = 503;
    response.setHeader('retry-after', RETRY_AFTER_S);
    response.setHeader('cache-control', 'no-store');
    response.setHeader('x-request-id', requestIdOf(request));
    response.setHeader('x-overload', reason);
    if (api) {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ error: { code: 'unavailable', message, requestId: requestIdOf(request) } }));
    } else {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Busy</title><h1>${message}</h1></html>`);
    }
  }

  function admit(next: Listener, request: IncomingMessage, response: ServerResponse) {
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      state.admission.leave();
    };
    state.admission.enter({
      write: request.method !== 'GET' && request.method !== 'HEAD',
      start: () => {
        response.once('close', leave);
        try {
          next(request, response);
        } catch (error) {
          leave();
          throw error;
        }
      },
      refuse: (reason) => refuse(request, response, reason),
      gone: () => request.socket.destroyed,
    });
  }

  async function fromPageCache(cache: { cache: PageCache; fillSecret: string }, key: string, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const url = request.url ?? '/';
    const found = await cache.cache.getOrRender(key, () => renderForCache(options.port, url, cache.fillSecret, header(request, 'user-agent')));
    if (!found || response.destroyed) return !!found;
    const nonce = newNonce();
    const page = servePage(found.page, nonce, { gzip: acceptsGzip(header(request, 'accept-encoding')) });
    const pathname = url.split('?')[0]!;
    response.statusCode = 200;
    for (const { key: name, value } of securityHeaders) response.setHeader(name, value);
    for (const [name, value] of page.headers) response.setHeader(name, value);
    response.setHeader('content-security-policy', contentSecurityPolicy({ nonce, pathname, production: true, https: options.https }));
    response.setHeader('referrer-policy', referrerPolicyFor(pathname));
    response.setHeader('x-request-id', requestIdOf(request));
    response.setHeader('x-page-cache', found.outcome);
    response.setHeader('content-length', page.body.length);
    response.end(page.body);
    return true;
  }

  function door(next: Listener): Listener {
    return (request, response) => {
      const url = request.url ?? '/';
      if (BYPASS.test(url)) return next(request, response);
      const cache = options.pageCache;
      const isFill = cache !== null && header(request, FILL_HEADER)?.startsWith(`${cache.fillSecret} `) === true;
      if (cache && !isFill) {
        const query = url.indexOf('?');
        const key = pageCacheKey({
          method: request.method ?? 'GET',
          pathname: query < 0 ? url : url.slice(0, query),
          search: query < 0 ? '' : url.slice(query),
          header: (name) => header(request, name),
        });
        if (key) {
          fromPageCache(cache, key, request, response)
            .then((served) => {
              if (!served) admit(next, request, response);
            })
            .catch((error: unknown) => {
              logger.error({ err: error }, 'front door: page cache failed; rendering the request');
              if (!response.headersSent) admit(next, request, response);
            });
          return;
        }
      }
      admit(next, request, response);
    };
  }

  diagnosticsChannel.subscribe('http.server.request.start', (message) => {
    const { server } = message as { server: Server };
    if (state.servers.has(server)) return;
    state.servers.add(server);
    // Published synchronously before the server emits 'request' for this request, so it is already behind the door.
    const listeners = server.listeners('request') as Listener[];
    server.removeAllListeners('request');
    for (const listener of listeners) server.on('request', door(listener));
    logger.info({ ...options.admission, pageCache: options.pageCache !== null }, 'front door installed');
  });
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function requestIdOf(request: IncomingMessage): string {
  return requestIdFromValue(header(request, 'x-request-id'));
}

/**
 * Renders the page as an anonymous visitor would get it, through this server on loopback, with the nonce the
 * cached copy will be cut at. Null when the server cannot be reached that way: the caller then renders as usual.
 */
async function renderForCache(port: number, url: string, fillSecret: string, userAgent: string | undefined): Promise<RenderedPage | null> {
  const nonce = newNonce();
  try {
    const response = await fetch(`http://127.0.0.1:${port}${url}`, {
      headers: {
        [FILL_HEADER]: `${fillSecret} ${nonce}`,
        accept: 'text/html',
        // Loopback: compressing here only to decompress at once would cost the render's CPU a second time.
        'accept-encoding': 'identity',
        'user-agent': userAgent ?? '',
      },
      cache: 'no-store',
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    return { status: response.status, html: await response.text(), nonce, headers: response.headers };
  } catch {
    return null;
  }
}
