import Form from 'next/form';
import { Link } from '@/components/ui/link';
import type { CatalogResult } from '@/lib/catalog/search';
import type { ReactNode } from 'react';
import type { CatalogQuery, CatalogSort } from '@/lib/catalog/schemas';
import { catalogHref, OPTION_PARAM_PREFIX } from '@/lib/catalog/url';
import { useLocale, useTranslations } from 'next-intl';
import { useIntlLocale } from '@/components/ui/use-format-money';
import { localiseHref, type Locale } from '@/lib/i18n/config';
import { formatMoney, money, toDecimalString } from '@/lib/money';
import { AutoSubmit } from './auto-submit';
import { ApplyButton, FacetCheckbox, FilterDrawer, SortSelect } from './facet-controls';
import { Pagination } from './pagination';
import { ProductGrid } from './product-card';

/** The sort orders, in the order offered (their names are in messages/*.json Catalog.sort). */
const SORTS: CatalogSort[] = ['relevance', 'best_selling', 'newest', 'price_asc', 'price_desc'];

type Translate = ReturnType<typeof useTranslations<'Catalog'>>;

type CatalogViewProps = {
  result: CatalogResult;
  query: CatalogQuery;
  /** Where the filter form and links point (the category or search page). */
  pathname: string;
  currency: string;
  /** Child-category links shown as the category facet; they keep the other filters. */
  categoryHref?: (slug: string) => string;
};

function bucketLabel(minCents: number, maxCents: number | null, currency: string, t: Translate, intl: string) {
  // Whole amounts without their zero cents, in either notation ("€50", "50 €").
  const format = (cents: number) => formatMoney(money(cents, currency), intl).replace(/[.,]00(?=\D*$)/, '');
  if (minCents === 0 && maxCents !== null) return t('bucketUnder', { amount: format(maxCents) });
  if (maxCents === null) return t('bucketOver', { amount: format(minCents) });
  return `${format(minCents)} – ${format(maxCents)}`;
}

/** A facet's count: a number on screen, "12 products" to a screen reader (not "Tops12"). */
function FacetCount({ count }: { count: number }) {
  const t = useTranslations('Catalog');
  const intl = useIntlLocale();
  return (
    <span className="text-zinc-600">
      <span aria-hidden="true">{count.toLocaleString(intl)}</span>
      <span className="sr-only">, {t('productCount', { count })}</span>
    </span>
  );
}

type Chip = { label: string; href: string };

/** Each active filter as a chip whose link removes it. */
function activeChips(query: CatalogQuery, result: CatalogResult, pathname: string, currency: string, t: Translate, intl: string): Chip[] {
  const base: Partial<CatalogQuery> = { ...query, page: 1 };
  const chips: Chip[] = [];
  for (const [key, values] of Object.entries(query.options)) {
    const name = result.facets.options.find((option) => option.key === key)?.name ?? key;
    for (const value of values) {
      const rest = values.filter((other) => other !== value);
      const options = { ...query.options, [key]: rest };
      if (rest.length === 0) delete options[key];
      chips.push({ label: `${name}: ${value}`, href: catalogHref(pathname, { ...base, options }, currency) });
    }
  }
  const format = (cents: number) => formatMoney(money(cents, currency), intl);
  if (query.priceMinCents !== undefined || query.priceMaxCents !== undefined) {
    const label =
      query.priceMinCents !== undefined && query.priceMaxCents !== undefined
        ? t('chipRange', { min: format(query.priceMinCents), max: format(query.priceMaxCents) })
        : query.priceMinCents !== undefined
          ? t('chipFrom', { min: format(query.priceMinCents) })
          : t('chipUpTo', { max: format(query.priceMaxCents!) });
    chips.push({ label, href: catalogHref(pathname, { ...base, priceMinCents: undefined, priceMaxCents: undefined }, currency) });
  }
  if (query.inStock) chips.push({ label: t('inStockOnly'), href: catalogHref(pathname, { ...base, inStock: false }, currency) });
  return chips;
}

export function CatalogView({ result, query, pathname, currency, categoryHref }: CatalogViewProps) {
  const t = useTranslations('Catalog');
  const intl = useIntlLocale();
  const formAction = useLocalisedPath(pathname);
  const hrefFor = (page: number) => catalogHref(pathname, { ...query, page }, currency);
  const chips = activeChips(query, result, pathname, currency, t, intl);
  const clearAllHref = catalogHref(pathname, { q: query.q, sort: query.sort }, currency);
  const sortChoices = SORTS.filter((sort) => sort !== 'relevance' || query.q);
  const filters = (idPrefix: string) => (
    <FilterPanel result={result} query={query} pathname={pathname} currency={currency} categoryHref={categoryHref} idPrefix={idPrefix} clearAllHref={chips.length > 0 && idPrefix === 'm' ? clearAllHref : null} />
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_1fr] lg:gap-8">
      {/* Wide screens: a sidebar. Narrower: a drawer (the same filters, with their own ids). */}
      <aside aria-label={t('filters')} className="hidden lg:block">
        {filters('f')}
      </aside>

      <section aria-labelledby="results-heading" className="min-w-0 space-y-6">
        {/* The product cards' titles are h3: without this h2 they would follow the page's h1 directly whenever there
            is no "Category" facet (a leaf category, a search), skipping a level for screen-reader navigation. */}
        <h2 className="sr-only">{t('products')}</h2>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="lg:hidden">
            <FilterDrawer activeCount={chips.length} total={result.total}>
              {filters('m')}
            </FilterDrawer>
          </div>
          <p id="results-heading" role="status" className="text-sm text-zinc-700">
            {t('productCount', { count: result.total })}
            {result.totalPages > 1 ? t('pageOf', { page: result.page, pages: result.totalPages }) : ''}
          </p>
          <Form action={formAction} prefetch={false} className="flex items-center gap-2 text-sm" aria-label={t('sortProducts')}>
            <AutoSubmit />
            {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
            {Object.entries(query.options).flatMap(([name, values]) =>
              values.map((value) => <input key={`${name}=${value}`} type="hidden" name={`${OPTION_PARAM_PREFIX}${name}`} value={value} />),
            )}
            {query.priceMinCents !== undefined ? <input type="hidden" name="price_min" value={toDecimalString(money(query.priceMinCents, currency))} /> : null}
            {query.priceMaxCents !== undefined ? <input type="hidden" name="price_max" value={toDecimalString(money(query.priceMaxCents, currency))} /> : null}
            {query.inStock ? <input type="hidden" name="in_stock" value="1" /> : null}
            <label htmlFor="sort">{t('sortBy')}</label>
            <SortSelect id="sort" name="sort" selected={result.sort} className="min-h-10 rounded border border-zinc-300 px-2 py-1">
              {sortChoices.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`sort.${sort}`)}
                </option>
              ))}
            </SortSelect>
            <ApplyButton className="rounded border border-zinc-300 px-2 py-1">{t('sortButton')}</ApplyButton>
          </Form>
        </div>
        {chips.length > 0 ? (
          <nav aria-label={t('activeFilters')}>
            <ul className="flex flex-wrap items-center gap-2 text-sm">
              {chips.map((chip) => (
                <li key={chip.label}>
                  <Link
                    href={chip.href}
                    scroll={false}
                    className="inline-flex min-h-9 items-center gap-1.5 rounded-full border border-zinc-300 bg-zinc-50 px-3 hover:border-zinc-900"
                  >
                    {chip.label}
                    <span aria-hidden="true">×</span>
                    <span className="sr-only">{t('removeThisFilter')}</span>
                  </Link>
                </li>
              ))}
              <li>
                <Link href={clearAllHref} scroll={false} className="inline-flex min-h-9 items-center px-2 underline">
                  {t('clearAll')}
                </Link>
              </li>
            </ul>
          </nav>
        ) : null}
        {result.items.length === 0 ? (
          <div className="rounded-lg border border-dashed border-zinc-300 p-10 text-center">
            <p className="font-medium">{t('noMatch')}</p>
            <p className="mt-1 text-sm text-zinc-600">
              {chips.length > 0 ? (query.q ? t('tryRemovingOrSearch') : t('tryRemovingFilter')) : t('trySearching')}
            </p>
          </div>
        ) : (
          <ProductGrid products={result.items} label={t('products')} priorityCount={4} highlight={query.q} />
        )}
        <Pagination page={result.page} totalPages={result.totalPages} hrefFor={hrefFor} />
      </section>
    </div>
  );
}

function FilterPanel({
  result,
  query,
  pathname,
  currency,
  categoryHref,
  idPrefix,
  clearAllHref,
}: Omit<CatalogViewProps, 'children'> & { idPrefix: string; clearAllHref: string | null }): ReactNode {
  const base: Partial<CatalogQuery> = { ...query, page: 1 };
  const t = useTranslations('Catalog');
  const intl = useIntlLocale();
  const formAction = useLocalisedPath(pathname);
  return (
    <div className="space-y-6">
      {result.facets.categories.length > 0 && categoryHref ? (
        <nav aria-labelledby={`${idPrefix}-facet-category`}>
          <h2 id={`${idPrefix}-facet-category`} className="mb-2 text-sm font-semibold">
            {t('category')}
          </h2>
          <ul className="space-y-1 text-sm">
            {result.facets.categories.map((category) => (
              <li key={category.slug}>
                <Link href={categoryHref(category.slug)} className="flex min-h-8 items-center justify-between hover:underline">
                  <span>{category.name}</span>
                  <FacetCount count={category.count} />
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {/* The forms, like the links, do not prefetch their target: see components/ui/link.tsx. */}
      <Form action={formAction} prefetch={false} className="space-y-6" aria-label={t('filterProducts')}>
        <AutoSubmit />
        {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
        {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}

        {result.facets.options.map((option) => (
          <fieldset key={option.key}>
            <legend className="mb-2 text-sm font-semibold">{option.name}</legend>
            <ul className="space-y-1 text-sm">
              {option.values.map((value) => {
                const id = `${idPrefix}-opt-${option.key}-${value.value}`.replace(/[^a-zA-Z0-9_-]/g, '_');
                return (
                  <li key={value.value} className="flex min-h-8 items-center gap-2">
                    <FacetCheckbox
                      id={id}
                      name={`${OPTION_PARAM_PREFIX}${option.key}`}
                      value={value.value}
                      selected={value.selected}
                      disabled={value.count === 0 && !value.selected}
                      className="size-4 accent-brand-600"
                    />
                    <label htmlFor={id} className="flex flex-1 justify-between">
                      <span>{value.value}</span>
                      <FacetCount count={value.count} />
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))}

        <fieldset>
          <legend className="mb-2 text-sm font-semibold">{t('price')}</legend>
          <ul className="mb-3 space-y-1 text-sm">
            {result.facets.priceBuckets.map((bucket) => (
              <li key={bucket.minCents}>
                <Link
                  href={catalogHref(pathname, { ...base, priceMinCents: bucket.minCents, priceMaxCents: bucket.maxCents === null ? undefined : bucket.maxCents - 1 }, currency)}
                  scroll={false}
                  aria-current={bucket.selected ? 'true' : undefined}
                  className={`flex min-h-8 items-center justify-between hover:underline ${bucket.selected ? 'font-semibold' : ''}`}
                >
                  <span>{bucketLabel(bucket.minCents, bucket.maxCents, currency, t, intl)}</span>
                  <FacetCount count={bucket.count} />
                </Link>
              </li>
            ))}
          </ul>
          <div className="flex items-end gap-2 text-sm">
            <label className="flex flex-col">
              <span>{t('min')}</span>
              <input
                // A new value from the server (a bucket link, a chip) replaces what is shown; typing does not.
                key={`min-${query.priceMinCents ?? ''}`}
                name="price_min"
                inputMode="decimal"
                defaultValue={query.priceMinCents === undefined ? '' : toDecimalString(money(query.priceMinCents, currency))}
                className="w-24 rounded border border-zinc-300 px-2 py-1.5"
              />
            </label>
            <label className="flex flex-col">
              <span>{t('max')}</span>
              <input
                key={`max-${query.priceMaxCents ?? ''}`}
                name="price_max"
                inputMode="decimal"
                defaultValue={query.priceMaxCents === undefined ? '' : toDecimalString(money(query.priceMaxCents, currency))}
                className="w-24 rounded border border-zinc-300 px-2 py-1.5"
              />
            </label>
          </div>
        </fieldset>

        <div className="flex min-h-8 items-center gap-2 text-sm">
          <FacetCheckbox id={`${idPrefix}-in-stock`} name="in_stock" value="1" selected={query.inStock} className="size-4 accent-brand-600" />
          <label htmlFor={`${idPrefix}-in-stock`} className="flex flex-1 justify-between">
            <span>{t('inStockOnly')}</span>
            <FacetCount count={result.facets.inStock.count} />
          </label>
        </div>

        <div className="flex gap-3">
          <ApplyButton className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">{t('applyFilters')}</ApplyButton>
          {clearAllHref ? (
            <Link href={clearAllHref} scroll={false} className="self-center text-sm underline">
              {t('clearAll')}
            </Link>
          ) : null}
        </div>
      </Form>
    </div>
  );
}

/** The form's target in the page's language (next/form's action is a plain path). */
function useLocalisedPath(pathname: string): string {
  const locale = useLocale() as Locale;
  return localiseHref(pathname, locale);
}
