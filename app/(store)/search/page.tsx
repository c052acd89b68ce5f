import { getLocale, getTranslations } from 'next-intl/server';
import { localeAlternates } from '@/lib/i18n/metadata';
import type { Metadata } from 'next';
import { CatalogView } from '@/components/catalog/catalog-view';
import { SearchNoResults } from '@/components/search/no-results';
import { searchCatalogCached } from '@/lib/catalog/cache';
import { catalogQuerySchema } from '@/lib/catalog/schemas';
import { getShopperMarket } from '@/lib/markets/context';
import { catalogHref, parseCatalogParams } from '@/lib/catalog/url';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = (await searchParams).q;
  const text = Array.isArray(q) ? q[0] : q;
  const [t, locale] = await Promise.all([getTranslations('Search'), getLocale()]);
  return {
    title: text ? t('searchTitle', { query: text.slice(0, 60) }) : t('allProducts'),
    alternates: localeAlternates('/search', locale),
    robots: { index: false, follow: true },
  };
}

const POPULAR_COUNT = 8;

export default async function SearchPage({ searchParams }: Props) {
  const [market, t] = await Promise.all([getShopperMarket(), getTranslations('Search')]);
  const query = parseCatalogParams(await searchParams, market.currency);
  const result = await searchCatalogCached(query, market);
  const filtered = Object.keys(query.options).length > 0 || query.inStock || query.priceMinCents !== undefined || query.priceMaxCents !== undefined;
  // Nothing found and no filter to blame: suggestions and best sellers instead of an empty grid beside zero counts.
  const nothingFound = Boolean(query.q) && result.total === 0 && !filtered && !query.category;
  const popular = nothingFound
    ? (await searchCatalogCached(catalogQuerySchema.parse({ sort: 'best_selling', perPage: POPULAR_COUNT }), market)).items
    : [];
  const correctedQuery = result.search?.correctedQuery;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{query.q ? t('resultsFor', { query: query.q }) : t('allProducts')}</h1>
        {correctedQuery && result.total > 0 ? (
          <p className="mt-2 text-zinc-700">
            {t.rich('showingFor', { query: correctedQuery, strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
        ) : null}
      </header>
      {nothingFound ? (
        <SearchNoResults query={query.q!} didYouMean={result.search?.didYouMean ?? null} popular={popular} />
      ) : (
        <CatalogView
          result={result}
          query={query}
          pathname="/search"
          currency={market.currency}
          categoryHref={(slug) => catalogHref(`/categories/${slug}`, { ...query, q: undefined, page: 1 }, market.currency)}
        />
      )}
    </div>
  );
}
