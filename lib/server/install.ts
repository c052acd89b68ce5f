import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { enableClientIp, tagClientIp } from './client-ip';
import { createFrontDoor, type FrontDoor, type FrontDoorOptions } from './front-door';
import { installGracefulShutdown, trackRequest } from './shutdown';
import { timeRequest } from './timing';

// The server layer: what runs in front of Next in the Node server process, without editing the server.js Next
// generates. Next hands the app no server object, so everything here starts from Node's documented
// `http.server.request.start` diagnostics channel, which publishes each request with its response and server before
// the server emits 'request'. One subscription, in this order:
//   1. client address (./client-ip.ts): written into a header before anyone reads the request;
//   2. timing (./timing.ts) and the in-flight count the shutdown drain waits for (./shutdown.ts);
//   3. the front door (./front-door.ts): admission control and the page cache, put in front of Next's 'request'
//      listener on the server's first request, with its self-check.
// The other channel the layer uses, undici's `undici:request:create`, marks this process's requests to itself
// (./self-request.ts): it sees outgoing requests, not incoming ones.

export type ServerLayerOptions = {
  /** TRUSTED_PROXY_HOPS: how many proxies in front append to X-Forwarded-For (./client-ip.ts). */
  trustedProxyHops: number;
  /** Admission control and the page cache: the production server only (`next dev` keeps Next's own handling). */
  door: FrontDoorOptions | null;
  /** The drain on SIGTERM/SIGINT: only when Next was told to leave the signals to the app (NEXT_MANUAL_SIG_HANDLE). */
  shutdown: { drainS: number } | null;
};

type RequestStart = { request: IncomingMessage; response: ServerResponse; server: Server };

const INSTALLED = Symbol.for('storefront.server-layer');
type WithLayer = typeof globalThis & { [INSTALLED]?: { door: FrontDoor | null } };

/** Installs the server layer once per process (lib/boot.ts; tests that need the client address). */
export function installServerLayer(options: ServerLayerOptions): void {
  const holder = globalThis as WithLayer;
  if (holder[INSTALLED]) return;
  enableClientIp(options.trustedProxyHops);
  const door = options.door ? createFrontDoor(options.door) : null;
  holder[INSTALLED] = { door };
  if (options.shutdown) installGracefulShutdown(options.shutdown);
  diagnosticsChannel.subscribe('http.server.request.start', (message) => {
    const { request, response, server } = message as RequestStart;
    tagClientIp(request);
    timeRequest(request, response);
    trackRequest(server, response);
    door?.take(server, request, response);
  });
}

/** Whether the front door is in front of Next ('waiting' before the first request); null without a door. */
export function frontDoorStatus(): ReturnType<FrontDoor['status']> | null {
  return (globalThis as WithLayer)[INSTALLED]?.door?.status() ?? null;
}
