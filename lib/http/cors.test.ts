import { describe, expect, it } from 'vitest';
import { corsHeaders, preflightResponse } from './cors';

// CORS for the Store API, by origin (the tests allow-list https://headless.example, vitest.config.mts).

const preflight = (origin: string | null, method: string, requestHeaders?: string, path = '/api/store/v1/checkout') =>
  preflightResponse(
    new Request(`http://localhost:3000${path}`, {
      method: 'OPTIONS',
      headers: { ...(origin ? { origin } : {}), 'access-control-request-method': method, ...(requestHeaders ? { 'access-control-request-headers': requestHeaders } : {}) },
    }),
    path,
  );

const corsNames = (headers: Headers) => [...headers.keys()].filter((name) => name.startsWith('access-control-'));

describe('Store API CORS', () => {
  it('grants a listed origin its methods and headers, with credentials', () => {
    const answer = preflight('https://headless.example', 'POST', 'Content-Type, Idempotency-Key, X-Cart-Token, Authorization')!;
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://headless.example');
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    expect(answer.headers.get('vary')).toBe('Origin');
  });

  it('refuses, without any CORS header, an unlisted origin, a method or a header not allowed, and no origin at all', () => {
    for (const answer of [
      preflight('https://evil.example', 'GET'),
      preflight('null', 'GET'),
      preflight(null, 'GET'),
      preflight('https://headless.example', 'TRACE'),
      preflight('https://headless.example', 'CONNECT'),
      preflight('https://headless.example', 'POST', 'content-type, cookie2'),
    ]) {
      expect(answer!.status).toBe(403);
      expect(corsNames(answer!.headers)).toEqual([]);
    }
  });

  it('leaves other requests alone: not OPTIONS, not a preflight, not the Store API', () => {
    expect(preflightResponse(new Request('http://localhost:3000/api/store/v1/carts', { method: 'POST' }), '/api/store/v1/carts')).toBeNull();
    expect(preflightResponse(new Request('http://localhost:3000/api/store/v1/carts', { method: 'OPTIONS' }), '/api/store/v1/carts')).toBeNull();
    expect(preflight('https://headless.example', 'POST', undefined, '/api/admin/products')).toBeNull();
  });

  it('puts CORS headers on answers for a listed origin only', () => {
    expect(Object.fromEntries(corsHeaders('https://headless.example'))).toMatchObject({ 'access-control-allow-origin': 'https://headless.example', vary: 'Origin' });
    for (const origin of [null, 'https://evil.example', 'https://HEADLESS.example']) expect(corsHeaders(origin)).toEqual([['vary', 'Origin']]);
  });
});
