import type { Metadata } from 'next';
import { CatalogView } from '@/components/catalog/catalog-view';
import { getCachedStoreInfo, searchCatalogCached } from '@/lib/catalog/cache';
import { catalogHref, parseCatalogParams } from '@/lib/catalog/url';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = (await searchParams).q;
  const text = Array.isArray(q) ? q[0] : q;
  return {
    title: text ? `Search: ${text.slice(0, 60)}` : 'All products',
    alternates: { canonical: '/search' },
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const store = await getCachedStoreInfo();
  const query = parseCatalogParams(await searchParams, store.currency);
  const result = await searchCatalogCached(query);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{query.q ? <>Results for “{query.q}”</> : 'All products'}</h1>
      </header>
      <CatalogView
        result={result}
        query={query}
        pathname="/search"
        currency={store.currency}
        categoryHref={(slug) => catalogHref(`/categories/${slug}`, { ...query, q: undefined, page: 1 }, store.currency)}
      />
    </div>
  );
}
