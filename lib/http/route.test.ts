import { NextRequest, NextResponse } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { createRoute, routePattern } from './route';

// No session in these tests: routes that declare `auth` are covered with the real session in
// lib/auth/two-factor-enforcement.integration.test.ts.
const route = createRoute({ currentUser: async () => null, mustEnrollTwoFactor: async () => false });

const noParams = { params: Promise.resolve({}) };

function request(url: string, init?: { method?: string; body?: string; headers?: Record<string, string> }) {
  return new NextRequest(new URL(url, 'http://store.test'), init);
}

describe('route()', () => {
  const handler = route(
    { query: z.object({ page: z.coerce.number().int().min(1).default(1) }), body: z.object({ quantity: z.number().int().positive() }) },
    ({ query, body }) => NextResponse.json({ page: query.page, quantity: body.quantity }),
  );
  const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

  it('hands the handler parsed, typed input and tags the response with a request id', async () => {
    const response = await handler(request('/x?page=3', json({ quantity: 2 })), noParams);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ page: 3, quantity: 2 });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 422 with field errors for invalid input, never running the handler', async () => {
    const response = await handler(request('/x?page=-1', json({ quantity: -5 })), noParams);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.fieldErrors)).toEqual(['page']);
  });

  it('refuses malformed JSON, wrong content types and oversized bodies with 4xx', async () => {
    const bad = await handler(request('/x', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }), noParams);
    expect(bad.status).toBe(400);
    const form = await handler(request('/x', { method: 'POST', body: 'a=1', headers: { 'content-type': 'text/plain' } }), noParams);
    expect(form.status).toBe(415);
    const huge = await handler(request('/x', json({ quantity: 1, pad: 'x'.repeat(70_000) })), noParams);
    expect(huge.status).toBe(413);
  });

  it('maps AppError to its status and hides unexpected errors behind a generic 500', async () => {
    const notFound = route({}, () => {
      throw new AppError('not_found', 'No such order.');
    });
    const res404 = await notFound(request('/x'), noParams);
    expect(res404.status).toBe(404);
    expect((await res404.json()).error).toMatchObject({ code: 'not_found', message: 'No such order.' });

    const crash = route({}, () => {
      throw new Error('password=hunter2 connection refused');
    });
    const res500 = await crash(request('/x', { headers: { 'x-request-id': 'lb-trace-12345678' } }), noParams);
    expect(res500.status).toBe(500);
    const body = await res500.json();
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(body.error.requestId).toBe('lb-trace-12345678');
    expect(res500.headers.get('x-request-id')).toBe('lb-trace-12345678');
  });

  it('does not trust a malformed incoming request id', async () => {
    const ok = route({}, () => NextResponse.json({}));
    const response = await ok(request('/x', { headers: { 'x-request-id': 'bad id; Injected: 1' } }), noParams);
    expect(response.headers.get('x-request-id')).not.toContain('Injected');
  });
});

describe('routePattern()', () => {
  it('puts segment names back in place of their values, so metric labels stay bounded', () => {
    expect(routePattern('/api/health', {})).toBe('/api/health');
    expect(routePattern('/media/products/ab/cd.jpg', { key: ['products', 'ab', 'cd.jpg'] })).toBe('/media/[...key]');
    expect(routePattern('/api/orders/SF-123/lines/7', { number: 'SF-123', line: '7' })).toBe('/api/orders/[number]/lines/[line]');
    expect(routePattern('/api/customers/a%40b.test', { email: 'a@b.test' })).toBe('/api/customers/[email]');
  });
});

describe('route() access log', () => {
  function levelsLogged(run: () => Promise<unknown>) {
    const levels: string[] = [];
    const child = logger.child.bind(logger);
    const spy = vi.spyOn(logger, 'child').mockImplementation((bindings, options) => {
      const log = child(bindings, options);
      for (const level of ['debug', 'info'] as const) {
        const original = log[level].bind(log);
        log[level] = ((...args: Parameters<typeof original>) => {
          if (args[1] === 'request') levels.push(level);
          return original(...args);
        }) as typeof log.info;
      }
      return log;
    });
    return run()
      .then(() => levels)
      .finally(() => spy.mockRestore());
  }
  const image = route({}, () => new NextResponse('bytes', { status: 200 }));
  const missing = route({}, () => new NextResponse('no', { status: 404 }));
  const key = { params: Promise.resolve({ key: ['seed', 'a.webp'] }) };

  it('logs images answered as asked at debug level, and everything else at info', async () => {
    expect(await levelsLogged(() => image(request('/media/seed/a.webp'), key))).toEqual(['debug']);
    expect(await levelsLogged(() => missing(request('/media/seed/a.webp'), key))).toEqual(['info']);
    expect(await levelsLogged(() => image(request('/api/store/v1/products'), noParams))).toEqual(['info']);
  });
});
