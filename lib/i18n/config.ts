// The storefront's languages and where a request's language comes from: the URL. English, the default, has no
// prefix (`/products/x`); the others do (`/de/products/x`, `/fr/products/x`). proxy.ts strips the prefix and
// passes the language on in LOCALE_HEADER, so every storefront route serves every language without moving a file,
// and the page cache, which keys by the URL, keeps one copy per language (lib/server/page-cache.ts).
// A leaf module: the proxy, the page cache and the pages all read it, and it imports nothing.

export const LOCALES = ['en', 'de', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
/** Set by proxy.ts on every request (a client's own value is overwritten); read by lib/i18n/request.ts. */
export const LOCALE_HEADER = 'x-locale';

/** Each language's own name, for the language selector (a language is offered in itself). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch', fr: 'Français' };

/** The Intl locale numbers, dates and money are formatted with (en-US is what the store formatted with before). */
export const INTL_LOCALES: Record<Locale, string> = { en: 'en-US', de: 'de-DE', fr: 'fr-FR' };

/** Paths that are never localised: the admin, the APIs, media and Next's own files. */
const UNLOCALISED = /^\/(?:admin|api|media|_next|sitemaps|sitemap\.xml|robots\.txt)(?:\/|$)/;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language a path is in and the path without its prefix. `explicitDefault` is true for `/en/...`, which has
 * one canonical address without the prefix (the proxy redirects it).
 */
export function splitLocale(pathname: string): { locale: Locale; pathname: string; explicitDefault: boolean } {
  const match = /^\/([a-z]{2})(?=\/|$)/.exec(pathname);
  if (!match || !isLocale(match[1])) return { locale: DEFAULT_LOCALE, pathname, explicitDefault: false };
  const rest = pathname.slice(3) || '/';
  if (UNLOCALISED.test(rest)) return { locale: DEFAULT_LOCALE, pathname, explicitDefault: false };
  return { locale: match[1], pathname: rest, explicitDefault: match[1] === DEFAULT_LOCALE };
}

/** The address of an unprefixed storefront path in a language ("/products/x" → "/de/products/x"). */
export function localisePath(pathname: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE || !pathname.startsWith('/') || pathname.startsWith('//') || UNLOCALISED.test(pathname)) return pathname;
  return pathname === '/' ? `/${locale}` : `/${locale}${pathname}`;
}

/** A localised href (path, query and hash), leaving external and already-prefixed ones alone. */
export function localiseHref(href: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE || !href.startsWith('/') || href.startsWith('//')) return href;
  const cut = href.search(/[?#]/);
  const path = cut < 0 ? href : href.slice(0, cut);
  if (splitLocale(path).locale !== DEFAULT_LOCALE) return href;
  return localisePath(path, locale) + (cut < 0 ? '' : href.slice(cut));
}
