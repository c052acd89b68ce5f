import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { splitLocale } from '@/lib/i18n/config';
import { logger } from '@/lib/log';
import { beforeHead, countActionRefusal, hasActionBody, isForeignOrigin, isMalformedActionBody, isPossibleAction, peekBody } from './action-requests';
import { type AdmissionLimits, type Refusal, sharedAdmission } from './admission';
import { acceptsGzip } from './gzip-splice';
import { CLIENT_IP_HEADER, ipSubject } from './client-ip';
import { AppError, toErrorResponse } from '@/lib/errors';
import { corsHeaders, isStoreApiPath } from '@/lib/http/cors';
import { PUBLISHABLE_KEY_HEADER, storefrontOf } from '@/lib/http/publishable-key';
import { API_AGENT, type CachedPage, FILL_HEADER, MARKET_COOKIE, marketOfCookies, pageCacheKey, type PageCache, type RenderedPage, servePage } from './page-cache';
import { enforceRateLimit } from '@/lib/rate-limit';
import { routeRateLimits } from '@/lib/rate-limit/policies';
import { requestIdFromValue } from './request-id';
import { newNonce, requestSecurityHeaders, staticSecurityHeaders } from './security-headers';
import { claimParent, countSelfRequest, holdsSlot, inVisit, installSelfRequestTagging, openVisit, type Visit } from './self-request';
import { onResponseClose } from './response-close';
import { LOCALE_REWRITE_HEADER, localeRewriteValue, unprefixedRequest } from './locale-rewrite';

// The front door of the production server: every request passes here before Next sees it.
//  1. Anonymous catalog pages are answered from the page cache (lib/server/page-cache.ts) without entering Next at
//     all — a stored page costs a nonce, a join and a checksum, not a render or Next's routing.
//  2. Everything else goes to Next through admission control (lib/server/admission.ts): a bounded number of requests
//     in progress, a bounded queue with a deadline, 503 + Retry-After beyond — so an overload sheds load instead of
//     growing a backlog (and the heap) until the process dies.
// Liveness, readiness and metrics bypass both, so operators see the truth while the store is saturated; so do
// static files, which cost next to nothing.
//  3. The process's own requests to itself (Next forwarding a server action to the page that owns it, the page
//     cache's renders) are recognised by a per-process secret (lib/server/self-request.ts) and run under the slot of
//     the request they are made for: queueing them behind their own parent stalled the whole store (SECURITY.md,
//     finding 1). A forwarded action's Set-Cookie, which Next drops, is passed on to the client's response.
//  4. Server-action requests Next would refuse are answered 4xx, not 500 (lib/server/action-requests.ts; finding 7).
//  5. The storefront's language prefix (`/de/...`, `/fr/...`) is taken off the URL here, just before Next sees the
//     request, with the language in a header only this process can write (lib/server/locale-rewrite.ts): Next serves
//     the route of the unprefixed path with no rewrite, so no request goes back over loopback. The page cache keys by
//     the URL as the client sent it (one copy per language); a self-request keeps the language of its parent.
//
// Next's standalone server.js is generated and not ours to edit, and it hands the app no server object. The server is
// found through Node's documented `http.server.request.start` diagnostics channel (published before the server
// emits 'request', for every request; lib/server/install.ts subscribes), and on its first request the door is put in
// front of Next's 'request' listener — that request included. That Next answers requests through a 'request'
// listener is the one thing here that Next does not promise, so the door checks it at its first request: a server
// whose requests do not pass the door gets an error in the log and no page cache (nothing could serve or purge it
// coherently); e2e/server-contract.spec.ts fails on the upgrade that changes it.

export type FrontDoorOptions = {
  /** Turned off (null) by the door itself if it finds it is not in front of Next. */
  admission: AdmissionLimits;
  pageCache: { cache: PageCache; fillSecret: string } | null;
  /** Where this server listens, for the page cache's own renders on loopback. */
  port: number;
  https: boolean;
};

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

const BYPASS = /^\/(?:api\/(?:health|ready|metrics)(?:[/?]|$)|_next\/static\/)/;
/** Set by Next on the request it forwards a server action with; believed only on this process's own requests. */
const ACTION_FORWARDED_HEADER = 'x-action-forwarded';
const RETRY_AFTER_S = '2';

/** Whether the door is in front of Next: not yet known (no request yet), in front, or not (see the self-check). */
export type DoorStatus = 'waiting' | 'in_front' | 'bypassed';

export type FrontDoor = {
  /** A request the server `server` just received (before it emits 'request'): the first one puts the door in front. */
  take(server: Server, request: IncomingMessage, response: ServerResponse): void;
  status(): DoorStatus;
};

/** The front door (once per process: lib/server/install.ts, production only). */
export function createFrontDoor(init: FrontDoorOptions): FrontDoor {
  const options = { ...init };
  const admission = sharedAdmission(options.admission);
  installSelfRequestTagging(options.port);
  const servers = new WeakSet<Server>();
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

  /**
   * Runs `work` (which answers the request) once admission control lets the request in; refuses it otherwise. The
   * work runs in the request's visit, wherever the slot came from (a slot freed by another request starts it).
   */
  function admit(visit: Visit, request: IncomingMessage, response: ServerResponse, work: () => void) {
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      visit.slot = false;
      admission.leave();
    };
    admission.enter({
      write: request.method !== 'GET' && request.method !== 'HEAD',
      start: () => {
        visit.slot = true;
        onResponseClose(response, leave);
        try {
          inVisit(visit, work);
        } catch (error) {
          leave();
          throw error;
        }
      },
      refuse: (reason) => refuse(request, response, reason),
      gone: () => request.socket.destroyed,
    });
  }

  function serve(request: IncomingMessage, response: ServerResponse, cached: CachedPage, outcome: string) {
    if (response.destroyed) return;
    const nonce = newNonce();
    const page = servePage(cached, nonce, { gzip: acceptsGzip(header(request, 'accept-encoding')) });
    const pathname = (request.url ?? '/').split('?')[0]!;
    response.statusCode = 200;
    // The headers of the page without its language prefix, as proxy.ts sets them on the pages it lets through.
    const unprefixed = splitLocale(pathname).pathname;
    for (const { key: name, value } of securityHeaders) response.setHeader(name, value);
    for (const [name, value] of page.headers) response.setHeader(name, value);
    for (const [name, value] of requestSecurityHeaders({ nonce, pathname: unprefixed, production: true, https: options.https })) response.setHeader(name, value);
    response.setHeader('x-request-id', requestIdOf(request));
    response.setHeader('x-page-cache', outcome);
    // A cached Store API read is the same for every client; its CORS headers are the asking origin's (never stored).
    if (isStoreApiPath(pathname)) for (const [name, value] of corsHeaders(header(request, 'origin') ?? null)) response.setHeader(name, value);
    response.setHeader('content-length', page.body.length);
    response.end(page.body);
  }

  /** The Store API's per-client limit holds for cached answers too (route() counts the requests that reach it). */
  async function overApiLimit(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    // The client address the boot hook derived from the socket (lib/server/client-ip.ts), as route() reads it.
    const ip = ipSubject(header(request, CLIENT_IP_HEADER) || 'unknown');
    try {
      const storefront = storefrontOf(header(request, PUBLISHABLE_KEY_HEADER));
      for (const [limit, subject] of routeRateLimits({ pattern: (request.url ?? '/').split('?')[0]!, ip, storefront })) {
        await enforceRateLimit(limit, subject);
      }
      return false;
    } catch (error) {
      const requestId = requestIdOf(request);
      const { status, body } = toErrorResponse(error, requestId);
      response.writeHead(status, {
        ...(error instanceof AppError ? error.headers : {}),
        ...Object.fromEntries(corsHeaders(header(request, 'origin') ?? null)),
        'content-type': 'application/json',
        'x-request-id': requestId,
        'cache-control': 'private, no-store',
      });
      response.end(JSON.stringify(body));
      return true;
    }
  }

  /**
   * A request the page cache may answer: a stored copy is served at once; a missing one is rendered once, by the
   * first request for it after admission control let it in (the render is its work), while later requests for it wait
   * for that render. When no shareable page comes of it, the request is rendered by Next as usual.
   */
  async function fromPageCache(visit: Visit, cache: PageCache, fillSecret: string, key: string, next: Listener, request: IncomingMessage, response: ServerResponse) {
    if (key.startsWith(`${API_AGENT} `) && (await overApiLimit(request, response))) return;
    const market = key.startsWith(`${API_AGENT} `) ? null : marketOfCookies(header(request, 'cookie'));
    const fill = () => renderForCache(options.port, request.url ?? '/', fillSecret, header(request, 'user-agent'), market);
    const found = cache.lookup(key, fill);
    if (found) return serve(request, response, found.page, found.outcome);
    if (cache.rendering(key)) {
      const page = await cache.render(key, fill);
      if (page) serve(request, response, page, 'miss');
      else if (!response.destroyed) admit(visit, request, response, () => next(request, response));
      return;
    }
    admit(visit, request, response, () => {
      cache.render(key, fill).then(
        (page) => (page ? serve(request, response, page, 'miss') : next(request, response)),
        (error: unknown) => {
          logger.error({ err: error }, 'front door: page cache failed; rendering the request');
          next(request, response);
        },
      );
    });
  }

  /** A 4xx of the door's own, in the shape of its other answers. */
  function answer(request: IncomingMessage, response: ServerResponse, status: number, message: string) {
    response.statusCode = status;
    response.setHeader('cache-control', 'no-store');
    response.setHeader('x-request-id', requestIdOf(request));
    response.setHeader('content-type', 'text/plain; charset=utf-8');
    response.end(message);
  }

  /**
   * A server-action request goes out 400 when Next answered 500 before any of the app's code ran (it could not
   * decode the request), and a forwarded action's refusal becomes the client's answer (Next answers the client 200
   * whatever the owning page said).
   */
  function watchActionStatus(visit: Visit, response: ServerResponse) {
    beforeHead(response, (status) => {
      let final = status;
      if (status === 500 && !visit.reachedApp) {
        final = 400;
        countActionRefusal('malformed');
      } else if (status === 200 && visit.forwardedStatus !== null && visit.forwardedStatus >= 400 && visit.forwardedStatus < 500) {
        final = visit.forwardedStatus;
      }
      const parent = visit.parent;
      if (parent && !parent.response.headersSent) {
        parent.forwardedStatus = final;
        // Next copies the forwarded answer's headers to the client's response except Set-Cookie: a cart made by an
        // add-to-cart posted to another page would never reach its shopper.
        const cookies = response.getHeader('set-cookie');
        if (cookies !== undefined) parent.response.appendHeader('set-cookie', Array.isArray(cookies) ? cookies : String(cookies));
      }
      return final;
    });
  }

  /** The language each request the door let in is served in (a self-request without a prefix inherits it). */
  const localeOf = new WeakMap<Visit, string>();

  /** Next's listener, handed the request without its language prefix and with its language (see 5. above). */
  function localised(next: Listener, visit: Visit): Listener {
    return (request, response) => {
      const inherited = visit.parent ? (localeOf.get(visit.parent) ?? null) : null;
      const { url, locale } = unprefixedRequest(request.url ?? '/', request.method, inherited);
      localeOf.set(visit, locale);
      // A path left as it is (English, or `/en/...` that proxy.ts redirects) is read there by its path.
      if (url !== request.url || inherited !== null) request.headers[LOCALE_REWRITE_HEADER] = localeRewriteValue(locale);
      request.url = url;
      next(request, response);
    };
  }

  let status: DoorStatus = 'waiting';
  let seen = 0;
  let checking = false;

  function door(next: Listener): Listener {
    return (request, response) => {
      seen++;
      const url = request.url ?? '/';
      // Set only by the door (below): a client's value is dropped unread.
      delete request.headers[LOCALE_REWRITE_HEADER];
      if (BYPASS.test(url)) return next(request, response);
      const parent = claimParent(request);
      // Headers only this process's own requests may carry; from anyone else they are dropped unread.
      if (!parent) delete request.headers[ACTION_FORWARDED_HEADER];
      const cache = options.pageCache;
      const fill = header(request, FILL_HEADER);
      const isFill = cache !== null && fill !== undefined && fill.startsWith(`${cache.fillSecret} `);
      if (fill !== undefined && !isFill) delete request.headers[FILL_HEADER];
      // A self-request acts for its parent's client: rate limits count against that client, not against loopback.
      if (parent?.clientIp !== undefined) request.headers[CLIENT_IP_HEADER] = parent.clientIp;
      const visit = openVisit(response, { parent, clientIp: header(request, CLIENT_IP_HEADER) });
      const proceed = () => inVisit(visit, () => enter(visit, parent, isFill, localised(next, visit), request, response));
      if (!isPossibleAction(request.method, url, request.headers)) return proceed();
      // A forwarded action's parent passed these checks already (and its inner request names this server as Origin).
      if (!parent && isForeignOrigin(request.headers)) {
        countActionRefusal('foreign_origin');
        return answer(request, response, 403, 'This form was sent from another site.');
      }
      watchActionStatus(visit, response);
      if (parent || !hasActionBody(request.headers)) return proceed();
      // Before a slot is taken: a body that cannot be an action's costs neither a slot nor a render.
      peekBody(request).then(
        (body) => {
          if (response.destroyed || request.socket.destroyed) return;
          if (body && isMalformedActionBody(request.headers, body)) {
            countActionRefusal('malformed');
            return answer(request, response, 400, 'This is not a request the store understands.');
          }
          proceed();
        },
        (error: unknown) => {
          logger.error({ err: error }, 'front door: reading an action body failed');
          if (!response.headersSent) response.destroy();
        },
      );
    };
  }

  /** After the door's checks: under the parent's slot, from the page cache, or through admission control. */
  function enter(visit: Visit, parent: Visit | null, isFill: boolean, next: Listener, request: IncomingMessage, response: ServerResponse) {
    if (parent && holdsSlot(parent)) {
      // Part of a request that holds a slot: waiting for another slot could only wait for itself.
      countSelfRequest('parent_slot');
      return next(request, response);
    }
    if (parent) countSelfRequest('admitted');
    const cache = options.pageCache;
    if (cache && !isFill) {
      const url = request.url ?? '/';
      const query = url.indexOf('?');
      const key = pageCacheKey({
        method: request.method ?? 'GET',
        pathname: query < 0 ? url : url.slice(0, query),
        search: query < 0 ? '' : url.slice(query),
        header: (name) => header(request, name),
      });
      if (key) {
        fromPageCache(visit, cache.cache, cache.fillSecret, key, next, request, response).catch((error: unknown) => {
          logger.error({ err: error }, 'front door: page cache failed');
          if (!response.headersSent) response.destroy();
        });
        return;
      }
    }
    // The page cache's own render (its parent held no slot: a background refresh) is admitted like any request.
    admit(visit, request, response, () => next(request, response));
  }

  /** The self-check's verdict: without the door in front, nothing may be served from (or kept in) the page cache. */
  function bypassed(reason: string) {
    status = 'bypassed';
    options.pageCache?.cache.purge();
    options.pageCache = null;
    logger.error({ reason }, 'front door is not in front of Next: page cache and admission control are off');
  }

  return {
    status: () => status,
    take(server, request, response) {
      if (!servers.has(server)) {
        servers.add(server);
        // Published synchronously before the server emits 'request' for this request, so it is already behind the door.
        const listeners = server.listeners('request') as Listener[];
        if (listeners.length === 0) return bypassed('the server has no request listener');
        server.removeAllListeners('request');
        for (const listener of listeners) server.on('request', door(listener));
        logger.info({ ...options.admission, pageCache: options.pageCache !== null }, 'front door installed');
      }
      // The self-check, on the first request Node hands to its 'request' listeners (it answers one without a Host or
      // with an Expect itself): by the time that request is answered, the door must have seen it.
      if (status !== 'waiting' || checking || request.headers.host === undefined || request.headers.expect !== undefined) return;
      checking = true;
      onResponseClose(response, () => {
        if (status !== 'waiting') return;
        if (seen === 0) bypassed('a request was answered without passing the door');
        else status = 'in_front';
      });
    },
  };
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
async function renderForCache(port: number, url: string, fillSecret: string, userAgent: string | undefined, market: string | null): Promise<RenderedPage | null> {
  const nonce = newNonce();
  try {
    const response = await fetch(`http://127.0.0.1:${port}${url}`, {
      headers: {
        [FILL_HEADER]: `${fillSecret} ${nonce}`,
        accept: 'text/html',
        // Loopback: compressing here only to decompress at once would cost the render's CPU a second time.
        'accept-encoding': 'identity',
        'user-agent': userAgent ?? '',
        // The market the page is priced in, and no other cookie: the fill renders what every visitor of it gets.
        ...(market ? { cookie: `${MARKET_COOKIE}=${market}` } : {}),
      },
      cache: 'no-store',
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    return { status: response.status, body: await response.text(), nonce, headers: response.headers };
  } catch {
    return null;
  }
}
