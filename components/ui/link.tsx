import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * next/link without automatic prefetching, for the storefront's links.
 *
 * Every storefront page is rendered per request (store settings, session, cart) and none has a loading.tsx, so
 * Next's automatic prefetch of a link in view fetches only the target's layout: nothing the shopper sees sooner on
 * click. It still costs, for every link in the viewport, a layout render on the server (session and cart count
 * included) and work on the shopper's phone while the page hydrates — measured on the home page with mobile
 * Lighthouse, about 100 ms of Total Blocking Time. Navigation is unchanged otherwise (client-side, on click).
 * A caller that wants prefetching passes `prefetch` explicitly.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
