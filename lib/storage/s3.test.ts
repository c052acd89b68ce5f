import { Readable } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createS3MediaStore } from './s3';

// The S3 driver against an in-memory stand-in for the service: the real SDK builds and signs each request, and a
// request handler answers it as S3 would — no network.

type Seen = { method: string; path: string; contentType?: string; cacheControl?: string };

function fakeS3() {
  const objects = new Map<string, Buffer>();
  const seen: Seen[] = [];
  const requestHandler = {
    async handle(request: { method: string; path: string; headers: Record<string, string>; body?: unknown }) {
      const path = decodeURIComponent(request.path);
      seen.push({ method: request.method, path, contentType: request.headers['content-type'], cacheControl: request.headers['cache-control'] });
      const key = path.replace(/^\/media-bucket\//, '');
      const respond = (statusCode: number, body = '', headers: Record<string, string> = {}) => ({
        response: { statusCode, headers: { 'content-length': String(Buffer.byteLength(body)), ...headers }, body: Readable.from([Buffer.from(body)]) },
      });
      if (request.method === 'PUT') {
        const body = request.body;
        const chunks: Buffer[] = [];
        if (Buffer.isBuffer(body) || body instanceof Uint8Array) chunks.push(Buffer.from(body));
        else if (body && typeof (body as Readable)[Symbol.asyncIterator] === 'function') for await (const c of body as Readable) chunks.push(Buffer.from(c));
        objects.set(key, Buffer.concat(chunks));
        return respond(200);
      }
      if (request.method === 'GET' || request.method === 'HEAD') {
        const object = objects.get(key);
        if (!object) return respond(404, request.method === 'GET' ? '<Error><Code>NoSuchKey</Code><Message>none</Message></Error>' : '', { 'content-type': 'application/xml' });
        return { response: { statusCode: 200, headers: { 'content-length': String(object.length) }, body: Readable.from([request.method === 'GET' ? object : Buffer.alloc(0)]) } };
      }
      if (request.method === 'DELETE') {
        objects.delete(key);
        return respond(204);
      }
      return respond(405);
    },
  };
  const client = new S3Client({
    region: 'eu-west-1',
    forcePathStyle: true,
    endpoint: 'http://s3.test.invalid',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: requestHandler as never,
  });
  return { client, objects, seen };
}

describe('S3 media store', () => {
  it('puts, gets, reports and deletes objects under the prefix', async () => {
    const { client, objects, seen } = fakeS3();
    const store = createS3MediaStore({ bucket: 'media-bucket', prefix: 'media/', client });
    const bytes = Buffer.from('RIFF....WEBPVP8 ');
    await store.put('products/p1/a.webp', bytes, 'image/webp');
    expect([...objects.keys()]).toEqual(['media/products/p1/a.webp']);
    expect(seen[0]).toMatchObject({ method: 'PUT', contentType: 'image/webp', cacheControl: 'public, max-age=31536000, immutable' });
    expect(await store.exists('products/p1/a.webp')).toBe(true);
    expect(await store.get('products/p1/a.webp')).toEqual({ body: bytes, contentType: 'image/webp' });
    await store.delete('products/p1/a.webp');
    expect(objects.size).toBe(0);
    expect(await store.exists('products/p1/a.webp')).toBe(false);
    expect(await store.get('products/p1/a.webp')).toBeNull();
  });

  it('refuses keys that could escape, before any request', async () => {
    const { client, seen } = fakeS3();
    const store = createS3MediaStore({ bucket: 'media-bucket', client });
    await expect(store.put('../x.webp', Buffer.from('x'), 'image/webp')).rejects.toThrow(/Invalid media key/);
    expect(seen).toEqual([]);
  });
});
