'use client';

import { useLocale } from 'next-intl';
import { isLocale, LOCALE_NAMES, localisePath, splitLocale, type Locale } from '@/lib/i18n/config';
import { usePathname } from 'next/navigation';

/** Offered in the market's own language ("Diese Seite auf Deutsch"), so the shopper reads it whatever page they are on. */
const OFFER: Record<Locale, string> = { en: 'View this page in English', de: 'Diese Seite auf Deutsch ansehen', fr: 'Voir cette page en français' };

/**
 * After the shopper chose a market whose own language is not the page's (the euro area's is German): a link to this
 * page in that language. Offered, never forced — a shopper reading English in the euro area stays in English. A plain
 * link (a full load): the header and footer are in a layout a client-side navigation would keep.
 */
export function MarketLanguageOffer({ locale }: { locale: Locale }) {
  const current = useLocale();
  const { pathname } = splitLocale(usePathname() ?? '/');
  if (!isLocale(locale) || locale === current) return null;
  return (
    <a href={localisePath(pathname, locale)} lang={locale} hrefLang={locale} className="mt-1 inline-flex min-h-10 items-center text-sm font-medium underline">
      {OFFER[locale]}
      <span className="sr-only"> ({LOCALE_NAMES[locale]})</span>
    </a>
  );
}
