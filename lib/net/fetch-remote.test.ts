import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { fetchRemoteBody } from './fetch-remote';

// Real servers on loopback. 127.0.0.2 stands for an allowed network (OUTBOUND_ALLOWED_NETWORKS), 127.0.0.1 for what
// must stay unreachable: a redirect from the one to the other proves every hop is checked again.

const servers: Server[] = [];
async function serve(host: string, handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

const before = { outbound: env.OUTBOUND_ALLOW_PRIVATE_URLS, webhook: env.WEBHOOK_ALLOW_PRIVATE_URLS, networks: env.OUTBOUND_ALLOWED_NETWORKS };
let hits: string[] = [];
let inside = '';
let allowedSide = '';

beforeAll(async () => {
  inside = await serve('127.0.0.1', (request, response) => {
    hits.push(`inside ${request.url}`);
    response.writeHead(200, { 'content-type': 'text/plain' }).end('secret');
  });
  allowedSide = await serve('127.0.0.2', (request, response) => {
    hits.push(`allowed ${request.url}`);
    const url = new URL(request.url!, 'http://x');
    if (url.pathname === '/file') return response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(1000, 1));
    if (url.pathname === '/to-inside') return response.writeHead(302, { location: `${inside}/secret` }).end();
    if (url.pathname === '/to-metadata') return response.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (url.pathname === '/loop') return response.writeHead(301, { location: `/loop?n=${Number(url.searchParams.get('n') ?? 0) + 1}` }).end();
    if (url.pathname === '/hop') return response.writeHead(302, { location: '/file' }).end();
    if (url.pathname === '/big-declared') return response.writeHead(200, { 'content-length': '5000' }).end(Buffer.alloc(5000));
    if (url.pathname === '/big-stream') {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.write(Buffer.alloc(3000));
      return response.end(Buffer.alloc(3000));
    }
    if (url.pathname === '/slow') return void setTimeout(() => response.end('late'), 2_000);
    response.writeHead(404).end();
  });
});

afterEach(() => {
  hits = [];
  env.OUTBOUND_ALLOW_PRIVATE_URLS = before.outbound;
  env.WEBHOOK_ALLOW_PRIVATE_URLS = before.webhook;
  env.OUTBOUND_ALLOWED_NETWORKS = before.networks;
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

function strict() {
  env.OUTBOUND_ALLOW_PRIVATE_URLS = false;
  env.WEBHOOK_ALLOW_PRIVATE_URLS = false;
  env.OUTBOUND_ALLOWED_NETWORKS = ['127.0.0.2/32'];
}

describe('fetching a remote file', () => {
  it('reads a file, following redirects within the allowed addresses', async () => {
    strict();
    const fetched = await fetchRemoteBody(`${allowedSide}/hop`, { maxBytes: 4096 });
    expect(fetched.body.byteLength).toBe(1000);
    expect(fetched.contentType).toBe('image/png');
    expect(fetched.url.pathname).toBe('/file');
  });

  it('refuses a private address, and a redirect to one, before connecting to it', async () => {
    strict();
    await expect(fetchRemoteBody(`${inside}/secret`, { maxBytes: 4096 })).rejects.toMatchObject({ reason: 'blocked' });
    await expect(fetchRemoteBody(`${allowedSide}/to-inside`, { maxBytes: 4096 })).rejects.toMatchObject({ reason: 'blocked', message: expect.stringMatching(/redirect/i) });
    await expect(fetchRemoteBody(`${allowedSide}/to-metadata`, { maxBytes: 4096 })).rejects.toMatchObject({ reason: 'blocked' });
    await expect(fetchRemoteBody(`http://localhost:${new URL(inside).port}/secret`, { maxBytes: 4096 })).rejects.toMatchObject({ reason: 'blocked' });
    expect(hits.filter((hit) => hit.startsWith('inside'))).toEqual([]);
  });

  it('refuses what is not http(s) or carries credentials', async () => {
    strict();
    for (const url of ['ftp://127.0.0.2/x', 'file:///etc/passwd', 'not a url', `http://user:pw@127.0.0.2:${new URL(allowedSide).port}/file`]) {
      await expect(fetchRemoteBody(url, { maxBytes: 4096 }), url).rejects.toMatchObject({ reason: 'invalid_url' });
    }
  });

  it('stops after three redirects', async () => {
    strict();
    await expect(fetchRemoteBody(`${allowedSide}/loop`, { maxBytes: 4096 })).rejects.toMatchObject({ reason: 'failed', message: expect.stringMatching(/redirects/) });
    expect(hits).toHaveLength(4);
  });

  it('refuses a body over the cap, declared or streamed', async () => {
    strict();
    await expect(fetchRemoteBody(`${allowedSide}/big-declared`, { maxBytes: 4096 })).rejects.toMatchObject({ reason: 'too_large' });
    await expect(fetchRemoteBody(`${allowedSide}/big-stream`, { maxBytes: 4096 })).rejects.toMatchObject({ reason: 'too_large' });
  });

  it('gives up at the deadline and on an error status', async () => {
    strict();
    await expect(fetchRemoteBody(`${allowedSide}/slow`, { maxBytes: 4096, timeoutMs: 200 })).rejects.toMatchObject({ reason: 'failed', message: expect.stringMatching(/within/) });
    await expect(fetchRemoteBody(`${allowedSide}/missing`, { maxBytes: 4096 })).rejects.toMatchObject({ reason: 'failed', message: expect.stringMatching(/404/) });
  });

  it('reaches loopback while development allows private addresses', async () => {
    strict();
    env.OUTBOUND_ALLOW_PRIVATE_URLS = true;
    await expect(fetchRemoteBody(`${inside}/secret`, { maxBytes: 4096 })).resolves.toMatchObject({ contentType: 'text/plain' });
  });
});
