// Where a user may be sent after sign-in (callbackUrl, next): only a path on this site. Anything else — another
// origin, a scheme ("javascript:"), a protocol-relative "//evil.example", the "/\evil.example" and tab/newline
// tricks browsers "fix" into one — is ignored and the fallback used. The check resolves the value the way a browser
// would and compares origins, rather than pattern-matching strings.

const BASE = 'http://storefront.invalid';

export function safeReturnPath(value: unknown, fallback = '/account'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return fallback;
  // Browsers drop ASCII tab and newline anywhere in a URL and treat "\" like "/"; judge what they would load.
  const cleaned = value.replace(/[\t\n\r]/g, '').replace(/\\/g, '/');
  if (!cleaned.startsWith('/') || cleaned.startsWith('//')) return fallback;
  let url: URL;
  try {
    url = new URL(cleaned, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
