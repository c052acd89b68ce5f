import type { ReactNode } from 'react';
import { getCachedCategoryTree, getCachedStoreInfo } from '@/lib/catalog/cache';
import { SiteFooter, SiteHeader } from './site-header';

/** The storefront's header, main landmark and footer around a page. */
export async function StoreChrome({ children }: { children: ReactNode }) {
  const [store, categories] = await Promise.all([getCachedStoreInfo(), getCachedCategoryTree()]);
  return (
    <>
      <SiteHeader storeName={store.name} categories={categories} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter storeName={store.name} />
    </>
  );
}
