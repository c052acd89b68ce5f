import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_HEADER, type Locale } from './config';

// next-intl's per-request configuration (named in next.config.ts). The language is the one proxy.ts read from the
// URL prefix: the storefront's routes are not under a [locale] segment (lib/i18n/config.ts says why), so the
// header is where it comes from. English messages stand in for any key a translation lacks.

const load = async (locale: Locale) => (await import(`../../messages/${locale}.json`)).default as Record<string, unknown>;

function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const inBase = base[key];
    out[key] =
      value && typeof value === 'object' && inBase && typeof inBase === 'object'
        ? merge(inBase as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out;
}

export async function requestLocale(): Promise<Locale> {
  const value = (await headers()).get(LOCALE_HEADER);
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export default getRequestConfig(async ({ locale: explicit }) => {
  const locale = isLocale(explicit) ? explicit : await requestLocale();
  const english = await load(DEFAULT_LOCALE);
  const messages = locale === DEFAULT_LOCALE ? english : merge(english, await load(locale));
  return {
    locale,
    messages,
    // Dates are shown in UTC on the server (components/ui/local-time.tsx re-renders them in the reader's zone).
    timeZone: 'UTC',
  };
});
