import { describe, expect, it } from 'vitest';
import { assertSameOrigin, siteOrigin } from './origin';

// CSRF on JSON routes: which requests that change state are accepted, by their Origin / Sec-Fetch-Site / cookies.

const request = (method: string, headers: Record<string, string> = {}) => new Request('http://localhost:3000/x', { method, headers });

describe('assertSameOrigin', () => {
  it('lets reads through whatever their origin', () => {
    expect(() => assertSameOrigin(request('GET', { origin: 'https://evil.example' }), '/api/store/v1/products')).not.toThrow();
  });

  it('refuses a foreign Origin, Origin "null" and Sec-Fetch-Site cross-site on writes, everywhere', () => {
    const attacks: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { origin: `${siteOrigin()}.evil.example` }, { 'sec-fetch-site': 'cross-site' }];
    for (const headers of attacks) {
      for (const path of ['/api/store/v1/carts', '/api/webhooks/stripe', '/api/admin/products']) {
        expect(() => assertSameOrigin(request('POST', headers), path)).toThrow(expect.objectContaining({ code: 'forbidden' }));
      }
    }
  });

  it('accepts a Store API write from an allow-listed storefront origin (STORE_API_CORS_ORIGINS), and nowhere else', () => {
    expect(() => assertSameOrigin(request('POST', { origin: 'https://headless.example' }), '/api/store/v1/carts')).not.toThrow();
    for (const path of ['/api/admin/products', '/api/webhooks/stripe', '/api/account/export']) {
      expect(() => assertSameOrigin(request('POST', { origin: 'https://headless.example' }), path)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    }
    for (const origin of ['https://headless.example.evil.example', 'http://headless.example', 'https://headless.example:444', 'null']) {
      expect(() => assertSameOrigin(request('PUT', { origin }), '/api/store/v1/customers/me/addresses/x')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    }
  });

  it('accepts this site’s Origin', () => {
    expect(() => assertSameOrigin(request('DELETE', { origin: siteOrigin(), cookie: 'a=b' }), '/api/admin/products')).not.toThrow();
  });

  it('without Origin: accepts Store API clients and cookie-less callers (webhooks), refuses cookie-authenticated calls elsewhere', () => {
    expect(() => assertSameOrigin(request('POST', { cookie: 'sf_cart=x' }), '/api/store/v1/carts')).not.toThrow();
    expect(() => assertSameOrigin(request('POST'), '/api/webhooks/stripe')).not.toThrow();
    expect(() => assertSameOrigin(request('PATCH', { cookie: 'authjs.session-token=x' }), '/api/admin/products')).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });
});
