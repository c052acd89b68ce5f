import NextLink from 'next/link';
import { useLocale } from 'next-intl';
import type { ComponentProps } from 'react';
import { isLocale, localiseHref, type Locale } from '@/lib/i18n/config';

/**
 * next/link without automatic prefetching, for the storefront's links, in the page's language.
 *
 * Every storefront page is rendered per request (store settings, session, cart) and none has a loading.tsx, so
 * Next's automatic prefetch of a link in view fetches only the target's layout: nothing the shopper sees sooner on
 * click. It still costs, for every link in the viewport, a layout render on the server (session and cart count
 * included) and work on the shopper's phone while the page hydrates — measured on the home page with mobile
 * Lighthouse, about 100 ms of Total Blocking Time. Navigation is unchanged otherwise (client-side, on click).
 * A caller that wants prefetching passes `prefetch` explicitly.
 *
 * An internal href is written without a language ("/cart") and goes to the same page in the reader's language
 * ("/de/cart" on a German page); the admin and the APIs are never localised (lib/i18n/config.ts). `locale` links to
 * another language (the language selector).
 */
export function Link({ href, locale, ...props }: ComponentProps<typeof NextLink> & { locale?: Locale }) {
  const current = useLocale();
  const target = locale ?? (isLocale(current) ? current : 'en');
  const localised =
    typeof href === 'string'
      ? localiseHref(href, target)
      : href.pathname
        ? { ...href, pathname: localiseHref(href.pathname, target) }
        : href;
  return <NextLink prefetch={false} href={localised} {...props} />;
}
