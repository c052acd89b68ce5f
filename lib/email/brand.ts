import 'server-only';
import { db, type Executor } from '@/db/client';
import { env } from '@/lib/env';
import { getStoreInfo } from '@/lib/store/settings';
import type { EmailBrand } from './templates/layout';

/** The store's brand for an email: read when the message is composed, so a new logo or colour applies at once. */
export async function loadEmailBrand(executor: Executor = db): Promise<EmailBrand> {
  const store = await getStoreInfo(executor);
  return {
    storeName: store.name,
    // Email clients need absolute addresses; a logo on this store's media path is made absolute here.
    logoUrl: store.logoUrl ? new URL(store.logoUrl, env.SITE_URL).toString() : null,
    accentColor: store.accentColor,
    siteUrl: new URL('/', env.SITE_URL).toString(),
    supportEmail: store.supportEmail,
    contactPhone: store.contactPhone,
    contactAddress: store.contactAddress,
  };
}

/** An absolute link to a path on the store. */
export function siteLink(path: string): string {
  return new URL(path, env.SITE_URL).toString();
}
