'use client';

import { useLocale } from 'next-intl';
import { useEffect } from 'react';
import { DEFAULT_LOCALE, isLocale, localisePath, splitLocale } from '@/lib/i18n/config';

/**
 * After the shopper chose a market: a market has a language of its own (the euro area's is German), and a shopper
 * still on the store's default language is taken to this page in it. A language the shopper chose (a prefixed
 * address) is kept: a French reader choosing the euro area stays in French. A full load, as the language selector
 * does: the header and footer are in a layout a client-side navigation would keep.
 */
export function useMarketLanguage(marketLocale: string | null) {
  const current = useLocale();
  useEffect(() => {
    if (!isLocale(marketLocale) || current !== DEFAULT_LOCALE || marketLocale === current) return;
    const { pathname } = splitLocale(window.location.pathname);
    // A full load on purpose (see above): next/navigation would keep the layout in the old language.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(`${localisePath(pathname, marketLocale)}${window.location.search}`);
  }, [marketLocale, current]);
}
