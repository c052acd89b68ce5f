import type { CSSProperties, ReactNode } from 'react';
import { getCachedCategoryTree, getCachedStoreInfo } from '@/lib/catalog/cache';
import { shade, tint } from '@/lib/store/brand';
import { getCachedMenu } from '@/lib/store/content/cache';
import { SiteHeader } from './site-header';
import { SiteFooter } from './site-footer';
import { MarketSelector, type MarketChoice } from '@/components/markets/market-selector';
import { MarketSuggestion } from '@/components/markets/market-suggestion';
import { chooseMarketAction } from '@/lib/markets/actions';
import { getCachedMarkets } from '@/lib/markets/cache';
import { readMarketCode } from '@/lib/markets/context';
import { marketByCode } from '@/lib/markets/queries';

/** The storefront's header, main landmark and footer around a page, in the store's accent colour. */
export async function StoreChrome({ children }: { children: ReactNode }) {
  const [store, categories, headerLinks, footerLinks, markets, marketCode] = await Promise.all([
    getCachedStoreInfo(),
    getCachedCategoryTree(),
    getCachedMenu('header'),
    getCachedMenu('footer'),
    getCachedMarkets(),
    readMarketCode(),
  ]);
  const current = marketByCode(markets, marketCode).code;
  const choices: MarketChoice[] = markets.map(({ code, name, currency, countries, isDefault }) => ({ code, name, currency, countries, isDefault }));
  // One market (a store that sells in one currency): nothing to choose.
  const selector = choices.length > 1 ? <MarketSelector markets={choices} current={current} action={chooseMarketAction} /> : null;
  // The kit's brand colours (app/globals.css) become the store's accent for everything inside.
  const accent = {
    '--color-brand-600': store.accentColor,
    '--color-brand-700': shade(store.accentColor),
    '--color-brand-50': tint(store.accentColor),
  } as CSSProperties;
  return (
    <div className="flex flex-1 flex-col" style={accent}>
      <SiteHeader storeName={store.name} logoUrl={store.logoUrl} categories={categories} links={headerLinks} />
      {choices.length > 1 ? <MarketSuggestion markets={choices} current={current} action={chooseMarketAction} /> : null}
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter storeName={store.name} logoUrl={store.logoUrl} links={footerLinks} contact={store} marketSelector={selector} />
    </div>
  );
}
