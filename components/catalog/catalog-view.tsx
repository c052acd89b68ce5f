import Form from 'next/form';
import { Link } from '@/components/ui/link';
import type { CatalogResult } from '@/lib/catalog/search';
import type { CatalogQuery, CatalogSort } from '@/lib/catalog/schemas';
import { catalogHref, OPTION_PARAM_PREFIX } from '@/lib/catalog/url';
import { formatMoney, money, toDecimalString } from '@/lib/money';
import { AutoSubmit } from './auto-submit';
import { Pagination } from './pagination';
import { ProductGrid } from './product-card';

const SORT_LABELS: Record<CatalogSort, string> = {
  relevance: 'Relevance',
  best_selling: 'Best selling',
  newest: 'Newest',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
};

type CatalogViewProps = {
  result: CatalogResult;
  query: CatalogQuery;
  /** Where the filter form and links point (the category or search page). */
  pathname: string;
  currency: string;
  /** Child-category links shown as the category facet; they keep the other filters. */
  categoryHref?: (slug: string) => string;
};

function bucketLabel(minCents: number, maxCents: number | null, currency: string) {
  const format = (cents: number) => formatMoney(money(cents, currency)).replace(/\.00$/, '');
  if (minCents === 0 && maxCents !== null) return `Under ${format(maxCents)}`;
  if (maxCents === null) return `${format(minCents)} and over`;
  return `${format(minCents)} – ${format(maxCents)}`;
}

export function CatalogView({ result, query, pathname, currency, categoryHref }: CatalogViewProps) {
  const base: Partial<CatalogQuery> = { ...query, page: 1 };
  const hrefFor = (page: number) => catalogHref(pathname, { ...query, page }, currency);
  const activeFilters = Object.keys(query.options).length > 0 || query.inStock || query.priceMinCents !== undefined || query.priceMaxCents !== undefined;
  const sortChoices = (Object.keys(SORT_LABELS) as CatalogSort[]).filter((sort) => sort !== 'relevance' || query.q);
  // The forms' inputs are uncontrolled; keying them by the URL remounts them when the query changes (back button,
  // a link), so what is ticked always matches the URL.
  const formKey = catalogHref(pathname, query, currency);

  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
      <aside aria-label="Filters" className="space-y-6">
        {result.facets.categories.length > 0 && categoryHref ? (
          <nav aria-labelledby="facet-category">
            <h2 id="facet-category" className="mb-2 text-sm font-semibold">
              Category
            </h2>
            <ul className="space-y-1 text-sm">
              {result.facets.categories.map((category) => (
                <li key={category.slug}>
                  <Link href={categoryHref(category.slug)} className="flex justify-between hover:underline">
                    <span>{category.name}</span>
                    <span className="text-zinc-500">{category.count}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}

        {/* The forms, like the links, do not prefetch their target: see components/ui/link.tsx. */}
        <Form key={formKey} action={pathname} prefetch={false} className="space-y-6" aria-label="Filter products">
          <AutoSubmit />
          {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
          {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}

          {result.facets.options.map((option) => (
            <fieldset key={option.key}>
              <legend className="mb-2 text-sm font-semibold">{option.name}</legend>
              <ul className="space-y-1 text-sm">
                {option.values.map((value) => {
                  const id = `opt-${option.key}-${value.value}`.replace(/[^a-zA-Z0-9_-]/g, '_');
                  return (
                    <li key={value.value} className="flex items-center gap-2">
                      <input
                        id={id}
                        type="checkbox"
                        name={`${OPTION_PARAM_PREFIX}${option.key}`}
                        value={value.value}
                        defaultChecked={value.selected}
                        disabled={value.count === 0 && !value.selected}
                        className="size-4 accent-brand-600"
                      />
                      <label htmlFor={id} className="flex flex-1 justify-between">
                        <span>{value.value}</span>
                        <span className="text-zinc-500">
                          <span className="sr-only">(</span>
                          {value.count}
                          <span className="sr-only"> products)</span>
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          ))}

          <fieldset>
            <legend className="mb-2 text-sm font-semibold">Price</legend>
            <ul className="mb-3 space-y-1 text-sm">
              {result.facets.priceBuckets.map((bucket) => (
                <li key={bucket.minCents}>
                  <Link
                    href={catalogHref(pathname, { ...base, priceMinCents: bucket.minCents, priceMaxCents: bucket.maxCents === null ? undefined : bucket.maxCents - 1 }, currency)}
                    aria-current={bucket.selected ? 'true' : undefined}
                    className={`flex justify-between hover:underline ${bucket.selected ? 'font-semibold' : ''}`}
                  >
                    <span>{bucketLabel(bucket.minCents, bucket.maxCents, currency)}</span>
                    <span className="text-zinc-500">{bucket.count}</span>
                  </Link>
                </li>
              ))}
            </ul>
            <div className="flex items-end gap-2 text-sm">
              <label className="flex flex-col">
                <span>Min</span>
                <input
                  name="price_min"
                  inputMode="decimal"
                  defaultValue={query.priceMinCents === undefined ? '' : toDecimalString(money(query.priceMinCents, currency))}
                  className="w-20 rounded border border-zinc-300 px-2 py-1"
                />
              </label>
              <label className="flex flex-col">
                <span>Max</span>
                <input
                  name="price_max"
                  inputMode="decimal"
                  defaultValue={query.priceMaxCents === undefined ? '' : toDecimalString(money(query.priceMaxCents, currency))}
                  className="w-20 rounded border border-zinc-300 px-2 py-1"
                />
              </label>
            </div>
          </fieldset>

          <div className="flex items-center gap-2 text-sm">
            <input id="in-stock" type="checkbox" name="in_stock" value="1" defaultChecked={query.inStock} className="size-4 accent-brand-600" />
            <label htmlFor="in-stock" className="flex flex-1 justify-between">
              <span>In stock only</span>
              <span className="text-zinc-500">{result.facets.inStock.count}</span>
            </label>
          </div>

          <div className="flex gap-3">
            <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
              Apply filters
            </button>
            {activeFilters ? (
              <Link href={catalogHref(pathname, { q: query.q, sort: query.sort }, currency)} className="self-center text-sm underline">
                Clear all
              </Link>
            ) : null}
          </div>
        </Form>
      </aside>

      <section aria-labelledby="results-heading" className="space-y-6">
        {/* The product cards' titles are h3: without this h2 they would follow the page's h1 directly whenever there
            is no "Category" facet (a leaf category, a search), skipping a level for screen-reader navigation. */}
        <h2 className="sr-only">Products</h2>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p id="results-heading" role="status" className="text-sm text-zinc-700">
            {result.total.toLocaleString('en-US')} {result.total === 1 ? 'product' : 'products'}
            {result.totalPages > 1 ? ` · page ${result.page} of ${result.totalPages.toLocaleString('en-US')}` : ''}
          </p>
          <Form key={formKey} action={pathname} prefetch={false} className="flex items-center gap-2 text-sm" aria-label="Sort products">
            <AutoSubmit />
            {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
            {Object.entries(query.options).flatMap(([name, values]) =>
              values.map((value) => <input key={`${name}=${value}`} type="hidden" name={`${OPTION_PARAM_PREFIX}${name}`} value={value} />),
            )}
            {query.priceMinCents !== undefined ? <input type="hidden" name="price_min" value={toDecimalString(money(query.priceMinCents, currency))} /> : null}
            {query.priceMaxCents !== undefined ? <input type="hidden" name="price_max" value={toDecimalString(money(query.priceMaxCents, currency))} /> : null}
            {query.inStock ? <input type="hidden" name="in_stock" value="1" /> : null}
            <label htmlFor="sort">Sort by</label>
            <select id="sort" name="sort" defaultValue={result.sort} className="rounded border border-zinc-300 px-2 py-1">
              {sortChoices.map((sort) => (
                <option key={sort} value={sort}>
                  {SORT_LABELS[sort]}
                </option>
              ))}
            </select>
            <noscript>
              <button type="submit" className="rounded border border-zinc-300 px-2 py-1">
                Sort
              </button>
            </noscript>
          </Form>
        </div>
        {result.items.length === 0 ? (
          <div className="rounded-lg border border-dashed border-zinc-300 p-10 text-center">
            <p className="font-medium">No products match.</p>
            <p className="mt-1 text-sm text-zinc-600">
              {activeFilters ? `Try removing a filter${query.q ? ' or searching for something else' : ''}.` : 'Try searching for something else.'}
            </p>
          </div>
        ) : (
          <ProductGrid products={result.items} label="Products" priorityCount={4} highlight={query.q} />
        )}
        <Pagination page={result.page} totalPages={result.totalPages} hrefFor={hrefFor} />
      </section>
    </div>
  );
}
