import type { CSSProperties, ReactNode } from 'react';
import { getCachedCategoryTree, getCachedStoreInfo } from '@/lib/catalog/cache';
import { shade, tint } from '@/lib/store/brand';
import { getCachedMenu } from '@/lib/store/content/cache';
import { SiteHeader } from './site-header';
import { SiteFooter } from './site-footer';

/** The storefront's header, main landmark and footer around a page, in the store's accent colour. */
export async function StoreChrome({ children }: { children: ReactNode }) {
  const [store, categories, headerLinks, footerLinks] = await Promise.all([
    getCachedStoreInfo(),
    getCachedCategoryTree(),
    getCachedMenu('header'),
    getCachedMenu('footer'),
  ]);
  // The kit's brand colours (app/globals.css) become the store's accent for everything inside.
  const accent = {
    '--color-brand-600': store.accentColor,
    '--color-brand-700': shade(store.accentColor),
    '--color-brand-50': tint(store.accentColor),
  } as CSSProperties;
  return (
    <div className="flex flex-1 flex-col" style={accent}>
      <SiteHeader storeName={store.name} logoUrl={store.logoUrl} categories={categories} links={headerLinks} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter storeName={store.name} logoUrl={store.logoUrl} links={footerLinks} contact={store} />
    </div>
  );
}
