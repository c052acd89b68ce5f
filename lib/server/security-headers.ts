// The security headers of every response and the CSP nonce, in one place. Pure functions of (path, nonce,
// environment), so they are unit-tested. Three places apply them: proxy.ts the per-request ones on what Next renders,
// next.config.ts the static ones (also on _next/static files, which the proxy never sees), and the front door both
// on the pages it answers from the page cache (those never reach Next, so neither of the other two sees them).

/** A nonce is 16 random bytes in base64: always this many characters (the page cache splices it by length). */
export const NONCE_LENGTH = 24;

/** A fresh CSP nonce. Web Crypto, so the same code runs in the proxy and in the Node server. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** Stripe.js and its frames are allowed only where payment happens. */
const STRIPE = {
  script: ['https://js.stripe.com'],
  frame: ['https://js.stripe.com', 'https://hooks.stripe.com'],
  connect: ['https://api.stripe.com'],
  img: ['https://*.stripe.com'],
};

export function isCheckoutPath(pathname: string): boolean {
  return pathname === '/checkout' || pathname.startsWith('/checkout/');
}

/**
 * The Content-Security-Policy for a page. Scripts: only those carrying this request's nonce, and what they load
 * ('strict-dynamic' — Next's chunks and Stripe.js are loaded by nonced scripts). No 'unsafe-inline' or 'unsafe-eval'
 * for scripts in production ('unsafe-eval' in development only: React's dev build needs it). Styles allow inline
 * because next/image and React write style attributes; a nonce there would switch 'unsafe-inline' off.
 */
export function contentSecurityPolicy(options: { nonce: string; pathname: string; production: boolean; https: boolean }): string {
  const checkout = isCheckoutPath(options.pathname);
  const extra = (list: string[]) => (checkout ? list : []);
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...extra(STRIPE.script), ...(options.production ? [] : ["'unsafe-eval'"])]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:', ...extra(STRIPE.img)]],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", ...extra(STRIPE.connect)]],
    ['frame-src', checkout ? STRIPE.frame : ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
    ['manifest-src', ["'self'"]],
    ['worker-src', ["'self'", 'blob:']],
  ];
  const policy = directives.map(([name, values]) => `${name} ${values.join(' ')}`);
  if (options.https) policy.push('upgrade-insecure-requests');
  return policy.join('; ');
}

/** Pages whose URL carries a secret token: the token must not leak to another site through the Referer header. */
export function referrerPolicyFor(pathname: string): string {
  return /^\/account\/(reset-password|forgot-password|verify-email)(\/|$)/.test(pathname) ? 'no-referrer' : 'strict-origin-when-cross-origin';
}

/** Responses that depend on who asks (session, cart, orders): never stored by a browser cache or a CDN. */
export function isPersonalisedPath(pathname: string): boolean {
  return /^\/(account|cart|checkout|orders|admin)(\/|$)/.test(pathname) || /^\/api\/(auth|store\/v1\/(carts|checkout|orders))(\/|$)/.test(pathname);
}

/**
 * The headers that depend on the request: its CSP (with its nonce), its Referrer-Policy, and no-store on personalised
 * paths. The proxy sets them on what Next renders; the front door on what it answers from the page cache.
 */
export function requestSecurityHeaders(options: { nonce: string; pathname: string; production: boolean; https: boolean }): [name: string, value: string][] {
  const headers: [string, string][] = [
    ['content-security-policy', contentSecurityPolicy(options)],
    ['referrer-policy', referrerPolicyFor(options.pathname)],
  ];
  if (isPersonalisedPath(options.pathname)) headers.push(['cache-control', 'private, no-store']);
  return headers;
}

export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), usb=(), browsing-topics=(), payment=(self "https://js.stripe.com")';

/** Headers for every response, static files included (next.config.ts `headers()`). */
export function staticSecurityHeaders(production: boolean): { key: string; value: string }[] {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
    // Older browsers that ignore CSP frame-ancestors.
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    // Two years; browsers ignore it over plain http, so it is safe to send from any production server.
    ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }] : []),
  ];
}
