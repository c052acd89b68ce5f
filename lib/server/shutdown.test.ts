import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installServerLayer } from './install';
import { drainAndClose, onShutdown } from './shutdown';

// The drain itself, on a real node:http server in this process (the signal wiring is covered end to end by
// e2e/shutdown.spec.ts against the standalone server).

const closed: string[] = [];

function get(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function slowServer(): Promise<{ server: Server; port: number; release: () => void; arrived: Promise<void> }> {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrive: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const server = createServer((_req, res) => {
    arrive();
    void released.then(() => res.end('done'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, release, arrived };
}

describe('drainAndClose', () => {
  let servers: Server[] = [];

  beforeAll(() => {
    installServerLayer({ trustedProxyHops: 0, door: null, shutdown: null });
    onShutdown('database', async () => {
      closed.push('database');
    });
    onShutdown('redis', async () => {
      closed.push('redis');
    });
  });

  afterEach(() => {
    for (const server of servers) server.closeAllConnections();
    servers = [];
    closed.length = 0;
  });

  it('stops accepting, lets the request in flight finish, then closes dependencies in order and reports 0', async () => {
    const { server, port, release, arrived } = await slowServer();
    servers.push(server);
    const inFlight = get(port);
    await arrived;

    const drained = drainAndClose('SIGTERM', 5);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(get(port)).rejects.toThrow(/ECONNREFUSED/);
    expect(closed).toEqual([]);

    release();
    expect(await inFlight).toEqual({ status: 200, body: 'done' });
    expect(await drained).toBe(0);
    expect(closed).toEqual(['database', 'redis']);
  });

  it('gives up at the drain budget: cuts the request off, still closes dependencies, reports 1', async () => {
    const { server, port, arrived } = await slowServer();
    servers.push(server);
    const inFlight = get(port);
    await arrived;

    const started = Date.now();
    expect(await drainAndClose('SIGTERM', 0.3)).toBe(1);
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(inFlight).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(closed).toEqual(['database', 'redis']);
  });
});
