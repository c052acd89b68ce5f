import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { beforeHead, isForeignOrigin, isMalformedActionBody, isPossibleAction, peekBody } from './action-requests';

describe('isPossibleAction', () => {
  it('is a POST to a page naming an action, or posting a form', () => {
    expect(isPossibleAction('POST', '/', { 'next-action': 'abc' })).toBe(true);
    expect(isPossibleAction('POST', '/account/sign-in', { 'content-type': 'multipart/form-data; boundary=x' })).toBe(true);
    expect(isPossibleAction('POST', '/cart', { 'content-type': 'application/x-www-form-urlencoded' })).toBe(true);
    expect(isPossibleAction('POST', '/cart', { 'content-type': 'application/json' })).toBe(false);
    expect(isPossibleAction('GET', '/', { 'next-action': 'abc' })).toBe(false);
    // Route handlers answer their own POSTs.
    expect(isPossibleAction('POST', '/api/store/v1/carts', { 'next-action': 'abc', 'content-type': 'multipart/form-data' })).toBe(false);
  });
});

describe('isForeignOrigin (Next’s server-action CSRF rule)', () => {
  const site = (headers: IncomingHttpHeaders) => isForeignOrigin({ host: 'shop.example.com', ...headers });

  it('accepts the same host, and a request without Origin', () => {
    expect(site({ origin: 'https://shop.example.com' })).toBe(false);
    expect(site({})).toBe(false);
  });

  it('refuses another host or port, "null" and an unparseable Origin', () => {
    expect(site({ origin: 'https://evil.example' })).toBe(true);
    expect(site({ origin: 'https://shop.example.com:8443' })).toBe(true);
    expect(site({ origin: 'null' })).toBe(true);
    expect(site({ origin: 'not a url' })).toBe(true);
    expect(isForeignOrigin({ origin: 'https://shop.example.com' })).toBe(true);
  });

  it('compares with the first X-Forwarded-Host when there is one, as Next does', () => {
    expect(isForeignOrigin({ host: '10.0.0.5:3000', 'x-forwarded-host': 'shop.example.com, proxy.internal', origin: 'https://shop.example.com' })).toBe(false);
    expect(isForeignOrigin({ host: 'shop.example.com', 'x-forwarded-host': 'other.example', origin: 'https://shop.example.com' })).toBe(true);
  });
});

describe('beforeHead', () => {
  async function statusWith(handler: http.RequestListener): Promise<{ status: number; message: string }> {
    const server = http.createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      return await new Promise((resolve, reject) => {
        http.get(`http://127.0.0.1:${port}/`, (response) => {
          response.resume();
          resolve({ status: response.statusCode ?? 0, message: response.statusMessage ?? '' });
        }).on('error', reject);
      });
    } finally {
      server.close();
    }
  }

  it('changes the status of an implicit head, and of an explicit one with its reason phrase', async () => {
    expect(
      await statusWith((_request, response) => {
        beforeHead(response, (status) => (status === 500 ? 400 : status));
        response.statusCode = 500;
        response.statusMessage = 'Internal Server Error';
        response.end('oops');
      }),
    ).toEqual({ status: 400, message: 'Bad Request' });
    expect(
      await statusWith((_request, response) => {
        beforeHead(response, () => 403);
        response.writeHead(500, 'Internal Server Error', { 'content-type': 'text/plain' }).end();
      }),
    ).toEqual({ status: 403, message: 'Forbidden' });
    expect(
      await statusWith((_request, response) => {
        beforeHead(response, (status) => status);
        response.writeHead(201, { 'content-type': 'text/plain' }).end();
      }),
    ).toEqual({ status: 201, message: 'Created' });
  });
});

describe('isMalformedActionBody', () => {
  const fetchAction = { 'next-action': 'abc', 'content-type': 'text/plain;charset=UTF-8' };
  it('wants JSON for a fetch action’s string reply, as encodeReply writes it', () => {
    expect(isMalformedActionBody(fetchAction, Buffer.from('[{"email":"a@b.c"},"$K1"]'))).toBe(false);
    expect(isMalformedActionBody(fetchAction, Buffer.from('"$undefined"'))).toBe(false);
    expect(isMalformedActionBody(fetchAction, Buffer.from('not a server action body'))).toBe(true);
    expect(isMalformedActionBody(fetchAction, Buffer.from(''))).toBe(true);
  });

  it('wants the boundary in a multipart body, with or without Next-Action', () => {
    const multipart = { 'content-type': 'multipart/form-data; boundary=----WebKitFormBoundaryAbC' };
    const body = Buffer.from('------WebKitFormBoundaryAbC\r\nContent-Disposition: form-data; name="1_email"\r\n\r\na@b.c\r\n------WebKitFormBoundaryAbC--\r\n');
    expect(isMalformedActionBody(multipart, body)).toBe(false);
    expect(isMalformedActionBody({ ...multipart, 'next-action': 'abc' }, body)).toBe(false);
    expect(isMalformedActionBody({ 'content-type': 'multipart/form-data; boundary="quoted"' }, Buffer.from('--quoted\r\n'))).toBe(false);
    expect(isMalformedActionBody(multipart, Buffer.from('garbage'))).toBe(true);
    expect(isMalformedActionBody({ 'content-type': 'multipart/form-data' }, body)).toBe(true);
  });
});

describe('peekBody', () => {
  // A server that peeks, then consumes the body the way Next does (pipeline), and answers what each step saw.
  async function roundTrip(send: (request: http.ClientRequest) => void, limitBytes?: number) {
    const server = http.createServer(async (request, response) => {
      const peeked = await peekBody(request, limitBytes);
      // Next reads the body some time later, after admission and routing.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const chunks: Buffer[] = [];
      await pipeline(request, async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) chunks.push(chunk);
      });
      response.end(JSON.stringify({ peeked: peeked?.toString('latin1') ?? null, consumed: Buffer.concat(chunks).toString('latin1') }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      return await new Promise<{ peeked: string | null; consumed: string }>((resolve, reject) => {
        const request = http.request({ port, host: '127.0.0.1', method: 'POST', headers: { 'content-type': 'text/plain' } }, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
          response.on('end', () => resolve(JSON.parse(text)));
        });
        request.on('error', reject);
        send(request);
      });
    } finally {
      server.close();
    }
  }

  it('hands Next the body untouched after looking at it: small, large, slow and empty', async () => {
    expect(await roundTrip((request) => request.end('["$K1"]'))).toEqual({ peeked: '["$K1"]', consumed: '["$K1"]' });
    const large = 'x'.repeat(200_000);
    expect(await roundTrip((request) => request.end(large))).toEqual({ peeked: large, consumed: large });
    const slow = await roundTrip((request) => {
      request.write('first ');
      setTimeout(() => request.write('second '), 20);
      setTimeout(() => request.end('third'), 40);
    });
    expect(slow).toEqual({ peeked: 'first second third', consumed: 'first second third' });
    expect(await roundTrip((request) => request.end())).toEqual({ peeked: '', consumed: '' });
  });

  it('gives up past the limit and still hands Next everything', async () => {
    const body = 'y'.repeat(100_000);
    expect(await roundTrip((request) => Readable.from([body.slice(0, 50_000), body.slice(50_000)]).pipe(request), 10_000)).toEqual({ peeked: null, consumed: body });
  });
});
