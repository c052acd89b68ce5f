import { DEFAULT_LOCALE, isLocale, LOCALES, localisePath } from './config';

/**
 * A page's canonical address in its language and its `hreflang` alternates (every language, and x-default: the
 * English address, which has no prefix), for generateMetadata's `alternates`.
 */
export function localeAlternates(pathname: string, locale: string): { canonical: string; languages: Record<string, string> } {
  const languages: Record<string, string> = {};
  for (const each of LOCALES) languages[each] = localisePath(pathname, each);
  languages['x-default'] = localisePath(pathname, DEFAULT_LOCALE);
  return { canonical: localisePath(pathname, isLocale(locale) ? locale : DEFAULT_LOCALE), languages };
}
