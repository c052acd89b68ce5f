import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { auditLog, productImages, users } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/service';
import type { ApiScope } from '@/lib/api-keys/scopes';
import type { AuditActor } from '@/lib/audit/service';
import { MAX_UPLOAD_BYTES } from '@/lib/catalog/products/image-processing';
import { env } from '@/lib/env';
import { GET as getMedia } from '@/app/media/[...key]/route';
import { adminApiClient, loadAdminRoutes, TEST_SITE } from './test-client';

// Product images by URL through the Admin API's generated client: the store fetches the file from a real HTTP
// server on loopback. With private addresses allowed (as in development) the image is stored and served like a panel
// upload; with them refused, loopback, the metadata address and a redirect to loopback are refused before anything
// is fetched from them, and nothing is stored. 127.0.0.2 plays a public image host (OUTBOUND_ALLOWED_NETWORKS), so
// the redirect case needs no outside network.

let routes: Awaited<ReturnType<typeof loadAdminRoutes>>;
let actor: AuditActor;
const servers: Server[] = [];
/** Paths requested from the loopback image server, in order. */
let hits: string[] = [];
let origin = '';
let publicLookalike = '';
let photo: Buffer;
const settingsBefore = { outbound: env.OUTBOUND_ALLOW_PRIVATE_URLS, webhook: env.WEBHOOK_ALLOW_PRIVATE_URLS, networks: env.OUTBOUND_ALLOWED_NETWORKS };

async function serve(host: string, handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

function allowPrivate(allowed: boolean) {
  env.OUTBOUND_ALLOW_PRIVATE_URLS = allowed;
  env.WEBHOOK_ALLOW_PRIVATE_URLS = false;
  env.OUTBOUND_ALLOWED_NETWORKS = allowed ? [] : ['127.0.0.2/32'];
}

async function clientWith(scopes: ApiScope[]) {
  const { secret } = await createApiKey(actor, { name: `images ${randomBytes(3).toString('hex')}`, scopes, expiresInDays: null });
  return adminApiClient(routes, secret);
}

async function newProduct(api: Awaited<ReturnType<typeof clientWith>>) {
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const made = await api.POST('/products', {
    body: { title: `Pictured ${suffix}`, status: 'active', featured: false, variants: [{ values: [], sku: `PIC-${suffix}`, price: '12.00', stock: 1, active: true }] },
  });
  expect(made.response.status, JSON.stringify(made.error)).toBe(201);
  return made.data!.data;
}

const imagesOf = (productId: string) => db.select().from(productImages).where(eq(productImages.productId, productId));
const storedFilesOf = (productId: string) => existsSync(path.resolve(env.STORAGE_DIR, 'products', productId));

beforeAll(async () => {
  routes = await loadAdminRoutes();
  const [admin] = await db
    .insert(users)
    .values({ email: `img-admin-${randomBytes(4).toString('hex')}@example.com`, name: 'Images Admin', role: 'admin' })
    .returning({ id: users.id, email: users.email });
  actor = { user: admin!, requestId: 'test-product-images', ip: '127.0.0.1' };
  photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#3a7d44' } }).png().toBuffer();
  origin = await serve('127.0.0.1', (request, response) => {
    hits.push(request.url!);
    switch (request.url) {
      case '/photo.png':
        return response.writeHead(200, { 'content-type': 'image/png' }).end(photo);
      case '/moved':
        return response.writeHead(302, { location: '/photo.png' }).end();
      case '/page.html':
        return response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Not an image</title>');
      case '/fake.png':
        return response.writeHead(200, { 'content-type': 'image/png' }).end('GIF89a but really just text, not a picture');
      case '/huge.png': {
        // No content-length: the cap must hold while reading, not only against a declared length.
        response.writeHead(200, { 'content-type': 'image/png' });
        const chunk = Buffer.alloc(1024 * 1024, 7);
        let sent = 0;
        const pump = () => {
          while (sent <= MAX_UPLOAD_BYTES) {
            sent += chunk.byteLength;
            if (!response.write(chunk)) return void response.once('drain', pump);
          }
          response.end();
        };
        response.on('error', () => {});
        return pump();
      }
      default:
        return response.writeHead(404, { 'content-type': 'text/plain' }).end('no such file');
    }
  });
  publicLookalike = await serve('127.0.0.2', (request, response) => {
    hits.push(`lookalike ${request.url}`);
    if (request.url === '/to-loopback') return response.writeHead(302, { location: `${origin}/photo.png` }).end();
    if (request.url === '/to-metadata') return response.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/iam/' }).end();
    response.writeHead(404).end();
  });
});

afterEach(() => {
  hits = [];
  env.OUTBOUND_ALLOW_PRIVATE_URLS = settingsBefore.outbound;
  env.WEBHOOK_ALLOW_PRIVATE_URLS = settingsBefore.webhook;
  env.OUTBOUND_ALLOWED_NETWORKS = settingsBefore.networks;
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await closeConnection();
});

describe('Admin API: product images by URL', () => {
  it('fetches the image (through a redirect), stores it like a panel upload and the product read and /media serve it', async () => {
    allowPrivate(true);
    const api = await clientWith(['products:write']);
    const product = await newProduct(api);

    const first = await api.POST('/products/{id}/images', {
      params: { path: { id: product.id }, header: { 'Idempotency-Key': `img-${product.id}` } },
      body: { url: `${origin}/moved`, alt: 'Green lamp, front' },
    });
    expect(first.response.status, JSON.stringify(first.error)).toBe(201);
    const image = first.data!.data;
    expect(image).toMatchObject({ altText: 'Green lamp, front', width: 320, height: 240, variantIds: [], variantId: null });
    expect(hits).toEqual(['/moved', '/photo.png']);

    // A retry with the same Idempotency-Key answers the same image and fetches nothing again.
    const replay = await api.POST('/products/{id}/images', {
      params: { path: { id: product.id }, header: { 'Idempotency-Key': `img-${product.id}` } },
      body: { url: `${origin}/moved`, alt: 'Green lamp, front' },
    });
    expect(replay.response.status).toBe(201);
    expect(replay.response.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.data!.data).toEqual(image);
    expect(hits).toHaveLength(2);

    // A second image placed first becomes the main one.
    const second = await api.POST('/products/{id}/images', { params: { path: { id: product.id } }, body: { url: `${origin}/photo.png`, position: 0 } });
    expect(second.response.status, JSON.stringify(second.error)).toBe(201);

    const read = await api.GET('/products/{id}', { params: { path: { id: product.id } } });
    expect(read.data!.data.images).toEqual([second.data!.data, image]);

    // The stored file is the panel's: re-encoded as WebP, served under /media.
    const mediaPath = new URL(image.url, TEST_SITE).pathname;
    expect(mediaPath).toMatch(/^\/media\/products\//);
    const served = await getMedia(new NextRequest(new URL(mediaPath, TEST_SITE)), { params: Promise.resolve({ key: mediaPath.replace(/^\/media\//, '').split('/') }) });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    const metadata = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['webp', 320, 240]);

    // Audited with the key as the actor, naming where the file came from.
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'product.image_add'), eq(auditLog.entityId, product.id)))
      .limit(1);
    expect(entry!.actorEmail).toMatch(/^api-key:images /);
    expect(entry!.after).toMatchObject({ imageId: image.id, source: `${origin}/photo.png` });
  });

  it('refuses loopback, the metadata address and a redirect to loopback while private addresses are not allowed; nothing is stored', async () => {
    allowPrivate(false);
    const api = await clientWith(['products:write']);
    const product = await newProduct(api);
    const { port } = new URL(origin);
    for (const url of [
      `${origin}/photo.png`,
      `http://localhost:${port}/photo.png`,
      `http://[::1]:${port}/photo.png`,
      'http://169.254.169.254/latest/meta-data/',
      `${publicLookalike}/to-loopback`,
      `${publicLookalike}/to-metadata`,
    ]) {
      const refused = await api.POST('/products/{id}/images', { params: { path: { id: product.id } }, body: { url } });
      expect(refused.response.status, url).toBe(422);
      expect(refused.error!.error.code, url).toBe('validation_failed');
      expect(refused.error!.error.fieldErrors?.url?.[0], url).toMatch(/private, loopback or reserved/);
    }
    // The look-alike public host was asked (and redirected); loopback never was.
    expect(hits).toEqual(['lookalike /to-loopback', 'lookalike /to-metadata']);
    const notHttp = await api.POST('/products/{id}/images', { params: { path: { id: product.id } }, body: { url: 'ftp://127.0.0.2/photo.png' } });
    expect(notHttp.response.status).toBe(422);
    expect(await imagesOf(product.id)).toEqual([]);
    expect(storedFilesOf(product.id)).toBe(false);
  });

  it('refuses a body over the upload cap and a file that is not an image; a remote that fails is 502', async () => {
    allowPrivate(true);
    const api = await clientWith(['products:write']);
    const product = await newProduct(api);
    const post = (file: string) => api.POST('/products/{id}/images', { params: { path: { id: product.id } }, body: { url: `${origin}/${file}` } });

    const huge = await post('huge.png');
    expect(huge.response.status).toBe(422);
    expect(huge.error!.error.fieldErrors?.url?.[0]).toMatch(/at most 8 MB/);
    const html = await post('page.html');
    expect(html.response.status).toBe(422);
    expect(html.error!.error.fieldErrors?.url?.[0]).toMatch(/text\/html, not an image/);
    const fake = await post('fake.png');
    expect(fake.response.status).toBe(422);
    expect(fake.error!.error.fieldErrors?.url?.[0]).toMatch(/not an image/);
    const missing = await post('gone.png');
    expect(missing.response.status).toBe(502);
    expect(missing.error!.error).toMatchObject({ code: 'upstream_failed', message: expect.stringMatching(/answered 404/) });

    expect(await imagesOf(product.id)).toEqual([]);
    expect(storedFilesOf(product.id)).toBe(false);
  });

  it('a key without the write scope gets 403 and nothing is fetched or stored; an unknown product is 404', async () => {
    allowPrivate(true);
    const product = await newProduct(await clientWith(['products:write']));
    const reader = await clientWith(['products:read']);
    const refused = await reader.POST('/products/{id}/images', { params: { path: { id: product.id } }, body: { url: `${origin}/photo.png` } });
    expect(refused.response.status).toBe(403);
    expect(refused.error!.error.code).toBe('forbidden');
    expect((await reader.GET('/products/{id}', { params: { path: { id: product.id } } })).data!.data.images).toEqual([]);

    const writer = await clientWith(['products:write']);
    const unknown = await writer.POST('/products/{id}/images', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } }, body: { url: `${origin}/photo.png` } });
    expect(unknown.response.status).toBe(404);
    expect(hits).toEqual([]);
    expect(await imagesOf(product.id)).toEqual([]);
  });
});
