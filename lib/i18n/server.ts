import 'server-only';
import { localiseHref } from './config';
import { requestLocale } from './request';

/** An internal href in the language of the request being served (for redirect() after a storefront action). */
export async function localisedHref(href: string): Promise<string> {
  return localiseHref(href, await requestLocale());
}
