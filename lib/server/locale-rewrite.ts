// proxy.ts serves /de/... and /fr/... by rewriting them to the unprefixed routes. When Next cannot tell the rewrite
// is to itself (NextURL writes 127.0.0.1 as "localhost", so the origins differ), it proxies the rewritten request
// over loopback: that inner request passes the front door and proxy.ts again, without its prefix. It carries this
// header — `<token> <locale> <nonce>` — so proxy.ts keeps its language and nonce, and the front door renders it
// instead of answering it from the page cache under the unprefixed (English) key. The token is this process's own:
// a client cannot send a valid one.

export const LOCALE_REWRITE_HEADER = 'x-locale-rewrite';
const TOKEN = Symbol.for('storefront.locale-rewrite-token');

/** This process's token (shared by the separately bundled proxy and front door through globalThis). */
export function localeRewriteToken(): string {
  const holder = globalThis as typeof globalThis & { [TOKEN]?: string };
  holder[TOKEN] ??= crypto.randomUUID();
  return holder[TOKEN];
}

/** The language and nonce an inner rewritten request carries, or null when the header is absent or not ours. */
export function readLocaleRewrite(value: string | null | undefined): { locale: string; nonce: string } | null {
  const parts = value?.split(' ');
  if (parts?.length !== 3 || parts[0] !== localeRewriteToken()) return null;
  return { locale: parts[1]!, nonce: parts[2]! };
}
