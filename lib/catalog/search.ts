import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { db, type Executor, rowsOf } from '@/db/client';
import { getCategoryBySlug } from './categories';
import { hydrateProductCards } from './queries';
import { type CatalogQuery, catalogQuerySchema, type CatalogQueryInput, type CatalogSort, effectiveSort } from './schemas';
import type { ProductCard } from './types';

// Search, filters, facet counts, sorting and pagination over the catalog, in PostgreSQL (and PGlite).
//
// Matching is variant-level: "M, Black, in stock, under $50" means one variant that is all of those.
// Each facet's counts apply every active filter except its own ("disjunctive" facets), so a shopper sees how
// many products each choice would leave given the rest of their selection.
// Text search: the weighted tsvector (GIN) for words and stems, OR trigram word similarity on the title (GIN,
// pg_trgm) for typos; ranked by both.

export type FacetOptionValue = { value: string; count: number; selected: boolean };
export type FacetOption = { key: string; name: string; values: FacetOptionValue[] };
export type FacetCategory = { slug: string; name: string; count: number };
export type PriceBucket = { minCents: number; maxCents: number | null; count: number; selected: boolean };
export type CatalogFacets = {
  categories: FacetCategory[];
  options: FacetOption[];
  priceBuckets: PriceBucket[];
  inStock: { count: number; selected: boolean };
};

export type CatalogResult = {
  items: ProductCard[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
  sort: CatalogSort;
  facets: CatalogFacets;
  /** The category the search was scoped to, when there was one. */
  category: { slug: string; name: string } | null;
};

export class UnknownCategoryError extends Error {
  constructor(slug: string) {
    super(`No category "${slug}"`);
    this.name = 'UnknownCategoryError';
  }
}

/** Price facet buckets in minor units; the last one is open-ended. */
export const PRICE_BUCKETS: readonly [number, number | null][] = [
  [0, 2_500],
  [2_500, 5_000],
  [5_000, 10_000],
  [10_000, 20_000],
  [20_000, null],
];
const MAX_FACET_OPTIONS = 6;
// Apparel sizes read smallest to largest, not alphabetically.
const SIZE_ORDER = ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', '2XL', '3XL', '4XL'];
const valueRank = (value: string) => {
  const index = SIZE_ORDER.indexOf(value.toUpperCase());
  return index === -1 ? SIZE_ORDER.length : index;
};
const MAX_FACET_VALUES = 30;

/** Where a search looks: a category subtree, and the products a free-text query matched (undefined: no query). */
type Scope = { categoryPath: string | null; matchedIds?: string[] };
type Exclude = 'category' | 'price' | 'inStock' | { option: string } | null;

const optionKey = (name: string) => name.trim().toLowerCase();

/** The products matching a free-text query, found once per search and shared by the count, page and facet queries. */
async function matchProductIds(executor: Executor, q: string): Promise<string[]> {
  // websearch_to_tsquery never raises on user syntax; `<%` is pg_trgm word similarity. A union rather than OR so
  // that each side uses its own GIN index (an OR of the two made the planner scan every product). Matching once
  // rather than in each of the five queries below took a 50k-product search from ~4 index passes to one.
  const rows = rowsOf<{ id: string }>(
    await executor.execute(sql`
      select id from products where status = 'active' and search_vector @@ websearch_to_tsquery('english', ${q})
      union select id from products where status = 'active' and ${q} <% title`),
  );
  return rows.map((row) => row.id);
}

function textPredicate(matchedIds: string[] | undefined): SQL | null {
  if (!matchedIds) return null;
  return sql`p.id = any(${`{${matchedIds.join(',')}}`}::uuid[])`;
}

function categoryPredicate(scope: Scope): SQL | null {
  if (!scope.categoryPath) return null;
  return sql`exists (
    select 1 from product_categories pc join categories c on c.id = pc.category_id
    where pc.product_id = p.id and (c.path = ${scope.categoryPath} or starts_with(c.path, ${`${scope.categoryPath}/`}))
  )`;
}

/** "colour=Black": how a variant's option values are stored in variants.option_tokens (GIN-indexed). */
const optionToken = (key: string, value: string) => `${key}=${value}`;

function variantHasOption(variantAlias: string, key: string, values: string[]): SQL {
  const tokens = values.map((value) => sql`${optionToken(key, value)}`);
  return sql`${sql.raw(variantAlias)}.option_tokens && array[${sql.join(tokens, sql`, `)}]::text[]`;
}

/** Conditions on one variant `v` (other than its product), leaving out the excluded facet's own filter. */
function variantPredicates(query: CatalogQuery, exclude: Exclude, variantAlias = 'v'): SQL[] {
  const v = sql.raw(variantAlias);
  const parts: SQL[] = [sql`${v}.is_active`];
  if (exclude !== 'price') {
    if (query.priceMinCents !== undefined) parts.push(sql`${v}.price_cents >= ${query.priceMinCents}`);
    if (query.priceMaxCents !== undefined) parts.push(sql`${v}.price_cents <= ${query.priceMaxCents}`);
  }
  if (exclude !== 'inStock' && query.inStock) parts.push(sql`${v}.stock_on_hand > 0`);
  for (const [name, values] of Object.entries(query.options)) {
    const key = optionKey(name);
    if (typeof exclude === 'object' && exclude !== null && exclude.option === key) continue;
    parts.push(variantHasOption(variantAlias, key, values));
  }
  return parts;
}

/** Product-level conditions on `p`, plus "has a variant matching the variant-level conditions". */
function productPredicates(query: CatalogQuery, scope: Scope, exclude: Exclude): SQL {
  const parts: SQL[] = [sql`p.status = 'active'`, sql`p.price_min_cents is not null`];
  const text = textPredicate(scope.matchedIds);
  if (text) parts.push(text);
  if (exclude !== 'category') {
    const category = categoryPredicate(scope);
    if (category) parts.push(category);
  }
  parts.push(sql`exists (select 1 from variants v where v.product_id = p.id and ${sql.join(variantPredicates(query, exclude), sql` and `)})`);
  return sql.join(parts, sql` and `);
}

function orderBy(sort: CatalogSort, q: string | undefined): SQL {
  switch (sort) {
    case 'relevance':
      return sql`(ts_rank_cd(p.search_vector, websearch_to_tsquery('english', ${q ?? ''})) + word_similarity(${q ?? ''}, p.title)) desc, p.sales_count desc, p.id`;
    case 'newest':
      return sql`p.created_at desc, p.id`;
    case 'price_asc':
      return sql`p.price_min_cents asc, p.id`;
    case 'price_desc':
      return sql`p.price_min_cents desc, p.id`;
    case 'best_selling':
      return sql`p.sales_count desc, p.id`;
  }
}

async function countProducts(executor: Executor, query: CatalogQuery, scope: Scope): Promise<number> {
  const rows = rowsOf<{ total: number | string }>(
    await executor.execute(sql`select count(*)::int as total from products p where ${productPredicates(query, scope, null)}`),
  );
  return Number(rows[0]?.total ?? 0);
}

async function pageOfProductIds(executor: Executor, query: CatalogQuery, scope: Scope, sort: CatalogSort): Promise<string[]> {
  const offset = (query.page - 1) * query.perPage;
  const rows = rowsOf<{ id: string }>(
    await executor.execute(sql`
      select p.id from products p
      where ${productPredicates(query, scope, null)}
      order by ${orderBy(sort, query.q)}
      limit ${query.perPage} offset ${offset}`),
  );
  return rows.map((row) => row.id);
}

async function categoryFacet(executor: Executor, query: CatalogQuery, scope: Scope & { categoryId: string | null }) {
  // Children of the current category (or the top level), each counted with its whole subtree.
  const parent = scope.categoryId ? sql`child.parent_id = ${scope.categoryId}` : sql`child.parent_id is null`;
  const rows = rowsOf<{ slug: string; name: string; count: number | string }>(
    await executor.execute(sql`
      select child.slug, child.name, count(distinct p.id)::int as count
      from categories child
      join categories c on c.path = child.path or starts_with(c.path, child.path || '/')
      join product_categories pc on pc.category_id = c.id
      join products p on p.id = pc.product_id
      where ${parent} and ${productPredicates(query, { categoryPath: null, matchedIds: scope.matchedIds }, 'category')}
      group by child.id, child.slug, child.name, child.position
      order by child.position, child.name`),
  );
  return rows.map((row) => ({ slug: row.slug, name: row.name, count: Number(row.count) }));
}

async function optionFacets(executor: Executor, query: CatalogQuery, scope: Scope): Promise<FacetOption[]> {
  // One pass over (product, variant, option token): an option's own filter is skipped for its own tokens, so each
  // option is counted under every other filter.
  const variantConditions: SQL[] = [sql`v.is_active`];
  if (query.priceMinCents !== undefined) variantConditions.push(sql`v.price_cents >= ${query.priceMinCents}`);
  if (query.priceMaxCents !== undefined) variantConditions.push(sql`v.price_cents <= ${query.priceMaxCents}`);
  if (query.inStock) variantConditions.push(sql`v.stock_on_hand > 0`);
  for (const [name, values] of Object.entries(query.options)) {
    const key = optionKey(name);
    variantConditions.push(sql`(split_part(t.token, '=', 1) = ${key} or ${variantHasOption('v', key, values)})`);
  }

  const rows = rowsOf<{ token: string; count: number | string }>(
    await executor.execute(sql`
      select t.token, count(distinct p.id)::int as count
      from products p
      join variants v on v.product_id = p.id
      cross join lateral unnest(v.option_tokens) as t(token)
      where ${productPredicatesWithoutVariants(query, scope)} and ${sql.join(variantConditions, sql` and `)}
      group by t.token`),
  );
  const selected = new Map(Object.entries(query.options).map(([name, values]) => [optionKey(name), new Set(values)]));
  const byKey = new Map<string, { total: number; values: FacetOptionValue[] }>();
  for (const row of rows) {
    const separator = row.token.indexOf('=');
    const key = row.token.slice(0, separator);
    const value = row.token.slice(separator + 1);
    const entry = byKey.get(key) ?? { total: 0, values: [] };
    const count = Number(row.count);
    entry.total += count;
    entry.values.push({ value, count, selected: selected.get(key)?.has(value) ?? false });
    byKey.set(key, entry);
  }
  // Selected options always stay visible, even with no remaining matches, so they can be unticked.
  for (const [key, values] of selected) {
    const entry = byKey.get(key) ?? { total: 0, values: [] };
    for (const value of values) {
      if (!entry.values.some((v) => v.value === value)) entry.values.push({ value, count: 0, selected: true });
    }
    byKey.set(key, entry);
  }
  const keys = [...byKey.keys()]
    .sort((a, b) => Number(selected.has(b)) - Number(selected.has(a)) || byKey.get(b)!.total - byKey.get(a)!.total || a.localeCompare(b))
    .slice(0, MAX_FACET_OPTIONS);
  const names = await optionDisplayNames(executor, keys);
  return keys.map((key) => ({
    key,
    name: names.get(key) ?? key,
    values: byKey
      .get(key)!
      .values.sort((a, b) => valueRank(a.value) - valueRank(b.value) || a.value.localeCompare(b.value, 'en', { numeric: true }))
      .slice(0, MAX_FACET_VALUES),
  }));
}

/** How option names are written ("Colour"), for facet headings; tokens carry them lower-cased. */
async function optionDisplayNames(executor: Executor, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = rowsOf<{ key: string; name: string }>(
    await executor.execute(sql`
      select lower(name) as key, min(name) as name from product_options
      where lower(name) in (${sql.join(keys.map((key) => sql`${key}`), sql`, `)})
      group by lower(name)`),
  );
  return new Map(rows.map((row) => [row.key, row.name]));
}

async function priceAndStockFacets(executor: Executor, query: CatalogQuery, scope: Scope) {
  const bucketColumns = PRICE_BUCKETS.map(([min, max], index) => {
    const upper = max === null ? sql`true` : sql`v.price_cents < ${max}`;
    return sql`count(distinct p.id) filter (where v.price_cents >= ${min} and ${upper} and ${sql.join(variantPredicates(query, 'price'), sql` and `)})::int as ${sql.raw(`b${index}`)}`;
  });
  const rows = rowsOf<Record<string, number | string>>(
    await executor.execute(sql`
      select ${sql.join(bucketColumns, sql`, `)},
             count(distinct p.id) filter (where v.stock_on_hand > 0 and ${sql.join(variantPredicates(query, 'inStock'), sql` and `)})::int as in_stock
      from products p join variants v on v.product_id = p.id
      where ${productPredicatesWithoutVariants(query, scope)}`),
  );
  const row = rows[0] ?? {};
  const priceBuckets: PriceBucket[] = PRICE_BUCKETS.map(([minCents, maxCents], index) => ({
    minCents,
    maxCents,
    count: Number(row[`b${index}`] ?? 0),
    selected: query.priceMinCents === minCents && (maxCents === null ? query.priceMaxCents === undefined : query.priceMaxCents === maxCents - 1),
  }));
  return { priceBuckets, inStock: { count: Number(row.in_stock ?? 0), selected: query.inStock } };
}

function productPredicatesWithoutVariants(query: CatalogQuery, scope: Scope): SQL {
  const parts: SQL[] = [sql`p.status = 'active'`, sql`p.price_min_cents is not null`];
  const text = textPredicate(scope.matchedIds);
  if (text) parts.push(text);
  const category = categoryPredicate(scope);
  if (category) parts.push(category);
  return sql.join(parts, sql` and `);
}

/** Searches and filters the catalog: one page of product cards, the total, and facet counts. */
export async function searchCatalog(input: CatalogQueryInput, executor: Executor = db): Promise<CatalogResult> {
  const query = catalogQuerySchema.parse(input);
  const q = query.q ? query.q : undefined;
  const normalised: CatalogQuery = { ...query, q };
  const category = query.category ? await getCategoryBySlug(query.category, executor) : null;
  if (query.category && !category) throw new UnknownCategoryError(query.category);
  const matchedIds = q ? await matchProductIds(executor, q) : undefined;
  const scope = { categoryPath: category?.path ?? null, categoryId: category?.id ?? null, matchedIds };
  const sort = effectiveSort(normalised);

  const [total, ids, categories, options, priceAndStock] = await Promise.all([
    countProducts(executor, normalised, scope),
    pageOfProductIds(executor, normalised, scope, sort),
    categoryFacet(executor, normalised, scope),
    optionFacets(executor, normalised, scope),
    priceAndStockFacets(executor, normalised, scope),
  ]);
  const items = await hydrateProductCards(ids, executor);
  return {
    items,
    total,
    page: query.page,
    perPage: query.perPage,
    totalPages: Math.max(1, Math.ceil(total / query.perPage)),
    sort,
    facets: { categories, options, ...priceAndStock },
    category: category ? { slug: category.slug, name: category.name } : null,
  };
}
