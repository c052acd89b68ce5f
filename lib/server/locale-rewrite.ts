import { splitLocale } from '@/lib/i18n/config';

// How a request's language reaches proxy.ts without a client being able to choose it.
//
// The storefront serves /de/... and /fr/... by the routes of /... . In the production server the front door
// (./front-door.ts) strips the prefix itself before Next sees the request, and names the language in this header:
// `<token> <locale>`. Next then serves an ordinary request for /..., so nothing is rewritten and nothing goes over
// loopback (a rewrite in proxy.ts would: NextURL writes 127.0.0.1 as "localhost", the rewrite's origin then differs
// from the one Next received the request at, and Next proxies it to itself over node:http — a request admission
// control could not tell from a new one). Self-requests (a forwarded server action to the page that owns it, the page
// cache's renders) get the language of the request they are made for.
//
// Without the door (`next dev`, or a server the door found it is not in front of) proxy.ts rewrites the prefix away
// itself; should Next proxy that rewrite to itself, the inner request brings `<token> <locale> <nonce>` so it keeps
// its language and nonce. The token is this process's own (random, never sent anywhere): a client cannot send a
// valid one, so a client's header is ignored.

export const LOCALE_REWRITE_HEADER = 'x-locale-rewrite';
const TOKEN = Symbol.for('storefront.locale-rewrite-token');

/** This process's token (shared by the separately bundled proxy and front door through globalThis). */
export function localeRewriteToken(): string {
  const holder = globalThis as typeof globalThis & { [TOKEN]?: string };
  holder[TOKEN] ??= crypto.randomUUID();
  return holder[TOKEN];
}

/** The header value naming a request's language (and, for proxy.ts's own rewrite, its nonce). */
export function localeRewriteValue(locale: string, nonce?: string): string {
  return nonce === undefined ? `${localeRewriteToken()} ${locale}` : `${localeRewriteToken()} ${locale} ${nonce}`;
}

/** The language (and nonce, if it carries one) of a header this process set; null when absent or not ours. */
export function readLocaleRewrite(value: string | null | undefined): { locale: string; nonce: string | null } | null {
  const parts = value?.split(' ');
  if (!parts || (parts.length !== 2 && parts.length !== 3) || parts[0] !== localeRewriteToken() || !parts[1]) return null;
  return { locale: parts[1], nonce: parts[2] || null };
}

/**
 * What the front door hands Next for a request URL: the URL without its language prefix and the language. A prefix
 * stays where proxy.ts answers the address itself (a GET of `/en/...` redirects to the address without it), and on
 * paths that are never localised (`/de/admin` is no page).
 */
export function unprefixedRequest(url: string, method: string | undefined, inherited: string | null): { url: string; locale: string } {
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  const split = splitLocale(path);
  if (split.pathname === path) return { url, locale: inherited ?? split.locale };
  if (split.explicitDefault && (method === 'GET' || method === 'HEAD')) return { url, locale: split.locale };
  return { url: split.pathname + (query < 0 ? '' : url.slice(query)), locale: split.locale };
}
