import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isPersonalisedPath, newNonce, NONCE_LENGTH, referrerPolicyFor, requestSecurityHeaders, staticSecurityHeaders } from './security-headers';

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';

describe('security headers', () => {
  it('production CSP: scripts only by nonce (+ strict-dynamic), never unsafe-inline/unsafe-eval; no plugins, no framing, no foreign forms or base', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc123', pathname: '/', production: true, https: true });
    expect(directive(csp, 'script-src')).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'base-uri')).toBe("base-uri 'self'");
    expect(directive(csp, 'form-action')).toBe("form-action 'self'");
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(csp).not.toContain('stripe');
    expect(csp).toContain('upgrade-insecure-requests');
  });

  it('allows Stripe only on checkout pages', () => {
    const csp = contentSecurityPolicy({ nonce: 'n', pathname: '/checkout', production: true, https: true });
    expect(directive(csp, 'frame-src')).toContain('https://js.stripe.com');
    expect(directive(csp, 'connect-src')).toContain('https://api.stripe.com');
    expect(contentSecurityPolicy({ nonce: 'n', pathname: '/checkoutx', production: true, https: true })).not.toContain('stripe');
  });

  it('adds unsafe-eval only in development, and no https upgrade on a plain-http site', () => {
    const csp = contentSecurityPolicy({ nonce: 'n', pathname: '/', production: false, https: false });
    expect(directive(csp, 'script-src')).toContain("'unsafe-eval'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('sends no Referer from pages whose URL carries a token', () => {
    expect(referrerPolicyFor('/account/reset-password')).toBe('no-referrer');
    expect(referrerPolicyFor('/account/verify-email')).toBe('no-referrer');
    expect(referrerPolicyFor('/products/x')).toBe('strict-origin-when-cross-origin');
  });

  it('marks session, cart, checkout and order paths personalised', () => {
    for (const path of ['/account', '/account/orders/1', '/cart', '/checkout', '/orders/lookup', '/api/store/v1/carts/current', '/admin']) {
      expect(isPersonalisedPath(path)).toBe(true);
    }
    for (const path of ['/', '/products/a', '/search', '/api/store/v1/products', '/accounts-are-not-here']) expect(isPersonalisedPath(path)).toBe(false);
  });

  it('sends HSTS of at least a year in production only', () => {
    const hsts = staticSecurityHeaders(true).find((h) => h.key === 'Strict-Transport-Security');
    expect(Number(/max-age=(\d+)/.exec(hsts!.value)![1])).toBeGreaterThanOrEqual(31_536_000);
    expect(staticSecurityHeaders(false).some((h) => h.key === 'Strict-Transport-Security')).toBe(false);
  });

  it('makes a fresh nonce of fixed length each time (the page cache splices it by length)', () => {
    const nonces = Array.from({ length: 200 }, () => newNonce());
    expect(new Set(nonces).size).toBe(200);
    for (const nonce of nonces) {
      expect(nonce).toHaveLength(NONCE_LENGTH);
      expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
    }
  });

  it('gives the proxy and the front door the same per-request headers: CSP with the nonce, referrer policy, no-store where personal', () => {
    const catalogue = new Map(requestSecurityHeaders({ nonce: 'n1', pathname: '/products/a', production: true, https: true }));
    expect(catalogue.get('content-security-policy')).toContain("'nonce-n1'");
    expect(catalogue.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(catalogue.has('cache-control')).toBe(false);
    const reset = new Map(requestSecurityHeaders({ nonce: 'n2', pathname: '/account/reset-password/abc', production: true, https: true }));
    expect(reset.get('referrer-policy')).toBe('no-referrer');
    expect(reset.get('cache-control')).toBe('private, no-store');
  });
});
