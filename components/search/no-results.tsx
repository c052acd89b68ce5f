import { useTranslations } from 'next-intl';
import { ProductGrid } from '@/components/catalog/product-card';
import { Link } from '@/components/ui/link';
import type { ProductCard } from '@/lib/catalog/types';

/**
 * A search that found nothing (with no filter to blame): a suggestion built from the catalogue's own words when
 * one finds something, and the best sellers to carry on from — no filter sidebar of zeros.
 */
export function SearchNoResults({ query, didYouMean, popular }: { query: string; didYouMean: string | null; popular: ProductCard[] }) {
  const t = useTranslations('Search');
  return (
    <div className="space-y-10">
      <div role="status" className="rounded-lg border border-dashed border-zinc-300 p-8 text-center">
        <p className="font-medium">{t('noMatchQuery', { query })}</p>
        {didYouMean ? (
          <p className="mt-2 text-zinc-700">
            {t('didYouMean')}{' '}
            <Link href={`/search?${new URLSearchParams({ q: didYouMean })}`} className="font-semibold underline">
              {didYouMean}
            </Link>
            ?
          </p>
        ) : (
          <p className="mt-2 text-sm text-zinc-600">{t('checkSpelling')}</p>
        )}
        <p className="mt-3 text-sm">
          <Link href="/search" className="underline">
            {t('browseAll')}
          </Link>
        </p>
      </div>
      {popular.length > 0 ? (
        <section aria-labelledby="popular-heading" className="space-y-4">
          <h2 id="popular-heading" className="text-xl font-semibold">
            {t('popular')}
          </h2>
          <ProductGrid products={popular} label={t('popularProducts')} />
        </section>
      ) : null}
    </div>
  );
}
