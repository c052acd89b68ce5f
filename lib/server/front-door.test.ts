import diagnosticsChannel from 'node:diagnostics_channel';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFrontDoor, type FrontDoor } from './front-door';
import { PageCache } from './page-cache';

// The door's self-check on real node:http servers in this process. The door relies on one thing Next does not
// promise: that Next answers requests through the server's 'request' listener. When that stops being true, the door
// must say so and keep nothing in a page cache it can no longer serve or purge coherently.

type Start = { request: IncomingMessage; response: ServerResponse; server: Server };
const subscriptions: ((message: unknown) => void)[] = [];
const servers: Server[] = [];

afterEach(() => {
  for (const handler of subscriptions.splice(0)) diagnosticsChannel.unsubscribe('http.server.request.start', handler);
  for (const server of servers.splice(0)) server.close();
});

function doorFor(pageCache: PageCache | null): FrontDoor {
  const door = createFrontDoor({
    admission: { maxActive: 4, maxQueued: 4, maxWaitMs: 1_000 },
    pageCache: pageCache && { cache: pageCache, fillSecret: 'secret' },
    port: 1,
    https: false,
  });
  const handler = (message: unknown) => {
    const { request, response, server } = message as Start;
    door.take(server, request, response);
  };
  diagnosticsChannel.subscribe('http.server.request.start', handler);
  subscriptions.push(handler);
  return door;
}

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function storedPage(): Promise<PageCache> {
  const cache = new PageCache(1 << 20, 60_000);
  const nonce = 'cmVuZGVyLW5vbmNlLTEyMw==';
  await cache.render('browser /', async () => ({ status: 200, body: `<script nonce="${nonce}"></script>`, nonce, headers: new Headers({ 'content-type': 'text/html' }) }));
  expect(cache.snapshot().entries).toBe(1);
  return cache;
}

describe('front door self-check', () => {
  it("is in front once a request has passed it to the server's own listener", async () => {
    const door = doorFor(null);
    const base = await listen(createServer((_request, response) => response.end('from the app')));
    expect(door.status()).toBe('waiting');
    const response = await fetch(`${base}/products/a`);
    expect(await response.text()).toBe('from the app');
    await expect.poll(() => door.status()).toBe('in_front');
  });

  it('turns the page cache off when the server has no request listener to stand in front of', async () => {
    const cache = await storedPage();
    const door = doorFor(cache);
    const server = createServer();
    // A server that answers without 'request' listeners (as a future Next might): the door has nothing to wrap.
    const emit = server.emit.bind(server);
    server.emit = ((event: string, ...args: unknown[]) =>
      event === 'request' ? (args[1] as ServerResponse).end('answered elsewhere') || true : emit(event, ...args)) as typeof server.emit;
    const base = await listen(server);
    expect(await (await fetch(`${base}/`)).text()).toBe('answered elsewhere');
    expect(door.status()).toBe('bypassed');
    expect(cache.snapshot().entries).toBe(0);
  });

  it('turns the page cache off when requests reach the app without passing the door', async () => {
    const cache = await storedPage();
    const door = doorFor(cache);
    const app = (_request: IncomingMessage, response: ServerResponse) => response.end('from the app');
    const server = createServer(app);
    // The listener the door wraps is there, but the server hands requests to the app another way.
    const emit = server.emit.bind(server);
    server.emit = ((event: string, ...args: unknown[]) =>
      event === 'request' ? (app(args[0] as IncomingMessage, args[1] as ServerResponse), true) : emit(event, ...args)) as typeof server.emit;
    const base = await listen(server);
    expect(await (await fetch(`${base}/`)).text()).toBe('from the app');
    await expect.poll(() => door.status()).toBe('bypassed');
    expect(cache.snapshot().entries).toBe(0);
  });
});
