import { getLocale, getTranslations } from 'next-intl/server';
import { localeAlternates } from '@/lib/i18n/metadata';
import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { CatalogView } from '@/components/catalog/catalog-view';
import { getCachedCategoryPageInfo, searchCatalogCached } from '@/lib/catalog/cache';
import { UnknownCategoryError } from '@/lib/catalog/search';
import { getShopperMarket } from '@/lib/markets/context';
import { catalogHref, parseCatalogParams } from '@/lib/catalog/url';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [info, t, locale] = await Promise.all([getCachedCategoryPageInfo(slug), getTranslations('Catalog'), getLocale()]);
  if (!info) return { title: t('categoryNotFound') };
  const filtered = Object.keys(await searchParams).length > 0;
  return {
    title: info.category.seoTitle ?? info.category.name,
    description: info.category.seoDescription ?? (info.category.description || t('shopCategory', { category: info.category.name })),
    alternates: localeAlternates(`/categories/${slug}`, locale),
    // Filtered and paged variants of a category are not separate pages for search engines.
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const [info, market, t] = await Promise.all([getCachedCategoryPageInfo(slug), getShopperMarket(), getTranslations('Catalog')]);
  if (!info) notFound();
  const query = { ...parseCatalogParams(await searchParams, market.currency), category: slug };
  const result = await searchCatalogCached(query, market).catch((error: unknown) => {
    if (error instanceof UnknownCategoryError) notFound();
    throw error;
  });
  const pathname = `/categories/${slug}`;
  const { category: _category, ...filters } = query;
  return (
    <div className="space-y-6">
      <nav aria-label={t('breadcrumb')}>
        <ol className="flex flex-wrap gap-1 text-sm text-zinc-600">
          <li>
            <Link href="/" className="hover:underline">
              {t('home')}
            </Link>
          </li>
          {info.ancestors.map((ancestor) => (
            <li key={ancestor.slug} className="before:mr-1 before:content-['/']">
              <Link href={`/categories/${ancestor.slug}`} className="hover:underline">
                {ancestor.name}
              </Link>
            </li>
          ))}
          <li className="before:mr-1 before:content-['/']" aria-current="page">
            {info.category.name}
          </li>
        </ol>
      </nav>
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{info.category.name}</h1>
        {info.category.description ? <p className="mt-2 max-w-2xl text-zinc-700">{info.category.description}</p> : null}
      </header>
      <CatalogView
        result={result}
        query={query}
        pathname={pathname}
        currency={market.currency}
        categoryHref={(child) => catalogHref(`/categories/${child}`, { ...filters, page: 1 }, market.currency)}
      />
    </div>
  );
}
