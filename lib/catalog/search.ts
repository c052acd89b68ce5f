import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { db, type Executor, rowsOf } from '@/db/client';
import { getCategoryBySlug } from '@/lib/catalog/categories/queries';
import { hydrateProductCards } from './queries';
import {
  type AnalysedQuery,
  analyseQuery,
  groupTsquery,
  indexVocabulary,
  type SearchVocabularyData,
  suggestQuery,
  type TermGroup,
  tokenize,
  type VocabularyIndex,
} from './search-terms';
import { loadSearchVocabulary, stemmerFor } from './search-vocabulary';
import { PRICE_BUCKETS, type PriceBounds } from './price-buckets';
import { type CatalogQuery, type CatalogQueryInput, type CatalogSort, effectiveSort, engineQuerySchema } from './schemas';
import type { CatalogFacets, FacetCategory, FacetOption, FacetOptionValue, PriceBucket, ProductCard } from './types';

// Search, filters, facet counts, sorting and pagination over the catalog, in PostgreSQL (and PGlite).
//
// Matching is variant-level: "M, Black, in stock, under $50" means one variant that is all of those.
// Each facet's counts apply every active filter except its own ("disjunctive" facets), so a shopper sees how
// many products each choice would leave given the rest of their selection.
// Text search: each word of the query is read against the catalogue's vocabulary (search-terms.ts: stems, British
// and American spellings, the merchant's synonyms, edit-distance corrections of words the catalogue does not know)
// and matched by the weighted tsvector (GIN), category names and option values; ranked by where it matched, then
// by sales, then by recency.
//
// A free-text search is one statement: the matched products (with their rank) and their active variants are
// materialised once as CTEs, and the count, page and facet queries read those instead of the tables. Run as five
// queries over `id = any($ids)`, each re-fetched the same thousands of products and variants ("jacket": ~2,400
// products, ~12,000 variants) and the server spent ~5× the work of one pass. Browsing without text reads the tables
// directly (the same query builders with the tables as the source), as parallel queries, and is cached.

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
  /**
   * How a search text was read: the corrected query when a word was not in the catalogue ("jakcet" → "jacket"),
   * and with no results, a "did you mean" that finds something. Null when browsing.
   */
  search: { correctedQuery: string | null; didYouMean: string | null } | null;
};

export class UnknownCategoryError extends Error {
  constructor(slug: string) {
    super(`No category "${slug}"`);
    this.name = 'UnknownCategoryError';
  }
}

/** Price facet buckets in minor units; the last one is open-ended. */
const MAX_FACET_OPTIONS = 6;
// Apparel sizes read smallest to largest, not alphabetically.
const SIZE_ORDER = ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', '2XL', '3XL', '4XL'];
const valueRank = (value: string) => {
  const index = SIZE_ORDER.indexOf(value.toUpperCase());
  return index === -1 ? SIZE_ORDER.length : index;
};
const MAX_FACET_VALUES = 30;

/**
 * Where the queries read products (`p`) and variants (`v`) from: the tables, or for a free-text search the CTEs of
 * the matched products and their active variants, which carry the same column names (and the products a `rank`).
 */
type Source = {
  products: SQL;
  variants: SQL;
  /** What makes a product or variant listable at all, where the source does not already guarantee it. */
  listable: { product: SQL[]; variant: (alias: SQL) => SQL[] };
  /**
   * Its variants are exactly the listable variants of its products, and each of its products has one: then "has a
   * listable variant" holds for every product, and with no product-level condition the variants alone answer.
   */
  variantsOfProducts: boolean;
  /** Few products (a search's matches): find each one's categories by key rather than scan every category's products. */
  fewProducts: boolean;
};
const TABLES: Source = {
  products: sql`products`,
  variants: sql`variants`,
  listable: { product: [sql`p.status = 'active'`, sql`p.price_min_cents is not null`], variant: (v) => [sql`${v}.is_active`] },
  variantsOfProducts: false,
  fewProducts: false,
};
// The CTEs hold only listable rows; repeating the conditions there would only make the planner underestimate rows.
const MATCHED: Source = {
  products: sql`matched_products`,
  variants: sql`matched_variants`,
  listable: { product: [], variant: () => [] },
  variantsOfProducts: true,
  fewProducts: true,
};

/** Where a search looks: a category subtree, within the source's products. */
type Scope = { categoryPath: string | null; source: Source };
type Exclude = 'category' | 'price' | 'inStock' | { option: string } | null;

const optionKey = (name: string) => name.trim().toLowerCase();

/** Uuids and option tokens as SQL array literals of bound parameters. */
const textArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;
const uuidArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::uuid[]`;

// How strongly a product matches one query word, by where: the title (a whole word, its stem, another spelling or
// a synonym) beats a category or option value, which beats the vendor's name, which beats the description.
const WEIGHT = { title: 4, categoryOrOption: 3, vendor: 2, description: 1 } as const;

/** The sources that may name many products: an option value ("black" is on most colour lists), then a category. */
const breadth = (group: TermGroup) => (group.optionTokens.length > 0 ? 2 : 0) + (group.categoryIds.length > 0 ? 1 : 0);

/**
 * Which products `p` match every word group (any alternative of each): by the title and vendor in the tsvector, by a
 * category's name (product_categories), or by an option value of an active variant (variants' option tokens). The
 * description counts only when `withDescription` (nothing matched without it).
 *
 * One group (the narrowest: fewest broad sources, see `breadth`) is found through its indexes as a set; each other
 * group is then checked on those products alone, by keyed probes. Intersecting every group's whole set read every
 * variant in the colour for "black jacket" (~25,000 at 50k products) to keep the ~300 that are jackets.
 */
export function matchingSql(groups: TermGroup[], withDescription: boolean): SQL {
  const weights = withDescription ? 'ABC' : 'AB';
  const driver = groups.reduce((best, group) => (breadth(group) < breadth(best) ? group : best), groups[0]!);
  const byText = sql`p.search_vector @@ ${groupTsquery(driver, weights)}::tsquery`;
  const sources: SQL[] = [];
  if (driver.categoryIds.length > 0) {
    sources.push(sql`select pc.product_id from product_categories pc where pc.category_id = any(${uuidArray(driver.categoryIds)})`);
  }
  if (driver.optionTokens.length > 0) {
    sources.push(sql`select v.product_id from variants v where v.is_active and v.option_tokens && ${textArray(driver.optionTokens)}`);
  }
  // Words alone are one GIN scan of the products being read; with categories or options, a union of the sets.
  const found =
    sources.length === 0 ? byText : sql`p.id in (${sql.join([sql`select p.id from products p where ${byText}`, ...sources], sql` union `)})`;
  const checks = groups
    .filter((group) => group !== driver)
    .map((group) => {
      const places: SQL[] = [sql`p.search_vector @@ ${groupTsquery(group, weights)}::tsquery`];
      if (group.categoryIds.length > 0) places.push(inCategories(group));
      if (group.optionTokens.length > 0) places.push(hasOptionValue(group));
      return sql`(${sql.join(places, sql` or `)})`;
    });
  return allOf([found, ...checks]);
}

const inCategories = (group: TermGroup) =>
  sql`exists (select 1 from product_categories pc where pc.product_id = p.id and pc.category_id = any(${uuidArray(group.categoryIds)}))`;
const hasOptionValue = (group: TermGroup) =>
  sql`exists (select 1 from variants v where v.product_id = p.id and v.is_active and v.option_tokens && ${textArray(group.optionTokens)})`;

/**
 * A product's relevance: per word group, the strongest place it matches (WEIGHT), summed. The places are tried
 * strongest first and the first that matches decides, so a title match costs one tsvector test, not five.
 */
export function scoreSql(groups: TermGroup[]): SQL {
  const perGroup = groups.map((group) => {
    const places: SQL[] = [sql`when p.search_vector @@ ${groupTsquery(group, 'A')}::tsquery then ${sql.raw(String(WEIGHT.title))}`];
    const named: SQL[] = [];
    if (group.categoryIds.length > 0) named.push(inCategories(group));
    if (group.optionTokens.length > 0) named.push(hasOptionValue(group));
    if (named.length > 0) places.push(sql`when ${sql.join(named, sql` or `)} then ${sql.raw(String(WEIGHT.categoryOrOption))}`);
    places.push(sql`when p.search_vector @@ ${groupTsquery(group, 'B')}::tsquery then ${sql.raw(String(WEIGHT.vendor))}`);
    places.push(sql`when p.search_vector @@ ${groupTsquery(group, 'C')}::tsquery then ${sql.raw(String(WEIGHT.description))}`);
    return sql`(case ${sql.join(places, sql` `)} else 0 end)`;
  });
  return sql.join(perGroup, sql` + `);
}

/**
 * The CTEs of a free-text search: the active, priced products it matches that have an active variant, with their
 * relevance, and their active variants with the columns filters and facets read. (A product without an active
 * variant is in no count, page or facet anyway; leaving it out here saves each of those a semi-join.)
 *
 * Precision: a product whose score trails the best match by more than one step per word (a vendor-name match when
 * titles match, say) is left out — a weaker reading shows only when nothing better exists.
 */
function matchedCtes(groups: TermGroup[], withDescription: boolean): SQL {
  return sql`with scored as materialized (
      select p.id, p.price_min_cents, p.sales_count, p.created_at, ${scoreSql(groups)} as rank
      from products p
      where ${matchingSql(groups, withDescription)} and p.status = 'active' and p.price_min_cents is not null
    ),
    matched as materialized (
      select * from scored where rank >= (select max(rank) from scored) - ${groups.length}
    ),
    matched_variants as materialized (
      select v.product_id, v.price_cents, v.stock_on_hand, v.option_tokens
      from variants v
      where v.is_active and v.product_id in (select id from matched)
    ),
    matched_products as materialized (
      select * from matched where id in (select product_id from matched_variants)
    )`;
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

/** All of the conditions (`true` when there are none). */
const allOf = (parts: SQL[]): SQL => (parts.length > 0 ? sql.join(parts, sql` and `) : sql`true`);

/** Conditions on one variant `v` (other than its product), leaving out the excluded facet's own filter. */
function variantPredicates(query: CatalogQuery, source: Source, exclude: Exclude, variantAlias = 'v'): SQL[] {
  const v = sql.raw(variantAlias);
  const parts: SQL[] = source.listable.variant(v);
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
  const parts: SQL[] = [...scope.source.listable.product];
  if (exclude !== 'category') {
    const category = categoryPredicate(scope);
    if (category) parts.push(category);
  }
  const variantConditions = variantPredicates(query, scope.source, exclude);
  if (variantConditions.length > 0 || !scope.source.variantsOfProducts) {
    parts.push(sql`exists (select 1 from ${scope.source.variants} v where v.product_id = p.id and ${allOf(variantConditions)})`);
  }
  return allOf(parts);
}

function orderBy(sort: CatalogSort): SQL {
  switch (sort) {
    case 'relevance':
      // Only with a search text (effectiveSort), so the source is the matched products and carries their rank.
      return sql`p.rank desc, p.sales_count desc, p.created_at desc, p.id`;
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

// Each part of a search is a query builder; a free-text search runs them as subqueries of one statement over the
// matched CTEs, browsing runs them as parallel queries over the tables. Both read their rows the same way.

function countSql(query: CatalogQuery, scope: Scope): SQL {
  return sql`select count(*)::int as total from ${scope.source.products} p where ${productPredicates(query, scope, null)}`;
}

function pageSql(query: CatalogQuery, scope: Scope, sort: CatalogSort): SQL {
  const offset = (query.page - 1) * query.perPage;
  return sql`
      select p.id from ${scope.source.products} p
      where ${productPredicates(query, scope, null)}
      order by ${orderBy(sort)}
      limit ${query.perPage} offset ${offset}`;
}

type CategoryRow = { slug: string; name: string; count: number | string };

function categoryFacetSql(query: CatalogQuery, scope: Scope & { categoryId: string | null }): SQL {
  // Children of the current category (or the top level), each counted with its whole subtree.
  const parent = scope.categoryId ? sql`child.parent_id = ${scope.categoryId}` : sql`child.parent_id is null`;
  // Over a CTE (no statistics) the planner may hash every product_categories row (51,500 at 50k) to meet a few
  // thousand matches; the lateral subquery, kept from being flattened by `offset 0`, probes the key per match.
  const productCategories = scope.source.fewProducts
    ? sql`cross join lateral (select pc.category_id from product_categories pc where pc.product_id = p.id offset 0) as pc`
    : sql`join product_categories pc on pc.product_id = p.id`;
  return sql`
      select child.slug, child.name, count(distinct p.id)::int as count
      from ${scope.source.products} p
      ${productCategories}
      join categories c on c.id = pc.category_id
      join categories child on c.path = child.path or starts_with(c.path, child.path || '/')
      where ${parent} and ${productPredicates(query, { categoryPath: null, source: scope.source }, 'category')}
      group by child.id, child.slug, child.name, child.position
      order by child.position, child.name`;
}

const categoriesFromRows = (rows: CategoryRow[]): FacetCategory[] =>
  rows.map((row) => ({ slug: row.slug, name: row.name, count: Number(row.count) }));

type OptionCountRow = { token: string; count: number | string };

function optionFacetSql(query: CatalogQuery, scope: Scope): SQL {
  // One pass over (product, variant, option token): an option's own filter is skipped for its own tokens, so each
  // option is counted under every other filter. Distinct (product, token) pairs, then a count per token: the same
  // numbers as count(distinct product) per token, hashed rather than sorted; unnest in the select list (ProjectSet)
  // rather than a lateral function scan per variant.
  const filters: SQL[] = [];
  if (query.priceMinCents !== undefined) filters.push(sql`v.price_cents >= ${query.priceMinCents}`);
  if (query.priceMaxCents !== undefined) filters.push(sql`v.price_cents <= ${query.priceMaxCents}`);
  if (query.inStock) filters.push(sql`v.stock_on_hand > 0`);
  for (const [name, values] of Object.entries(query.options)) {
    const key = optionKey(name);
    filters.push(sql`(split_part(v.token, '=', 1) = ${key} or ${variantHasOption('v', key, values)})`);
  }
  const products = productPredicatesWithoutVariants(query, scope);
  return sql`
      select token, count(*)::int as count
      from (
        select distinct v.product_id, v.token
        from (
          select v.product_id, unnest(v.option_tokens) as token, v.option_tokens, v.price_cents, v.stock_on_hand
          from ${variantsOfListedProducts(scope, products)}
          where ${allOf([...products, ...scope.source.listable.variant(sql`v`)])}
        ) as v
        where ${allOf(filters)}
      ) as product_tokens
      group by token`;
}

type OptionGroups = { byKey: Map<string, { total: number; values: FacetOptionValue[] }>; keys: string[] };

/** Option counts grouped by option, and the options shown (selected ones first, then the most common). */
function groupOptionCounts(rows: OptionCountRow[], query: CatalogQuery): OptionGroups {
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
  return { byKey, keys };
}

function optionFacetsFrom({ byKey, keys }: OptionGroups, names: Map<string, string>): FacetOption[] {
  return keys.map((key) => ({
    key,
    name: names.get(key) ?? key,
    values: byKey
      .get(key)!
      .values.sort((a, b) => valueRank(a.value) - valueRank(b.value) || a.value.localeCompare(b.value, 'en', { numeric: true }))
      .slice(0, MAX_FACET_VALUES),
  }));
}

type OptionNameRow = { key: string; name: string | null };

/**
 * How option names are written ("Colour"), for facet headings; tokens carry them lower-cased. `keys` is a query
 * yielding one lower-case key per row. The smallest spelling across the catalog, found by one probe of
 * product_options_lower_name_idx per key.
 */
function optionNamesSql(keys: SQL): SQL {
  return sql`
      select k.key, (select po.name from product_options po where lower(po.name) = k.key order by po.name limit 1) as name
      from (${keys}) as k(key)`;
}

const namesFromRows = (rows: OptionNameRow[]) =>
  new Map(rows.flatMap((row): [string, string][] => (row.name === null ? [] : [[row.key, row.name]])));

const keyValues = (keys: string[]) =>
  sql`values ${sql.join(
    keys.map((key) => sql`(${key})`),
    sql`, `,
  )}`;

async function optionDisplayNames(executor: Executor, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  return namesFromRows(rowsOf<OptionNameRow>(await executor.execute(optionNamesSql(keyValues(keys)))));
}

type PriceAndStockRow = Record<string, number | string>;

function priceAndStockSql(query: CatalogQuery, scope: Scope, buckets: PriceBounds): SQL {
  // Per product: does any variant fall in each bucket (under every filter but price) / have stock (under every filter
  // but stock); then the products counted per column. The same counts as count(distinct product) filter (…) per
  // column, in one hash aggregate instead of six sorts.
  const bucketFlags = buckets.map(([min, max], index) => {
    const upper = max === null ? sql`true` : sql`v.price_cents < ${max}`;
    return sql`bool_or(v.price_cents >= ${min} and ${upper} and ${allOf(variantPredicates(query, scope.source, 'price'))}) as ${sql.raw(`b${index}`)}`;
  });
  const bucketCounts = buckets.map((_, index) => sql.raw(`count(*) filter (where b${index})::int as b${index}`));
  const products = productPredicatesWithoutVariants(query, scope);
  return sql`
      select ${sql.join(bucketCounts, sql`, `)}, count(*) filter (where in_stock)::int as in_stock
      from (
        select ${sql.join(bucketFlags, sql`, `)},
               bool_or(v.stock_on_hand > 0 and ${allOf(variantPredicates(query, scope.source, 'inStock'))}) as in_stock
        from ${variantsOfListedProducts(scope, products)}
        where ${allOf(products)}
        group by v.product_id
      ) as product_flags`;
}

function priceAndStockFromRow(row: PriceAndStockRow, query: CatalogQuery, buckets: PriceBounds) {
  const priceBuckets: PriceBucket[] = buckets.map(([minCents, maxCents], index) => ({
    minCents,
    maxCents,
    count: Number(row[`b${index}`] ?? 0),
    selected: query.priceMinCents === minCents && (maxCents === null ? query.priceMaxCents === undefined : query.priceMaxCents === maxCents - 1),
  }));
  return { priceBuckets, inStock: { count: Number(row.in_stock ?? 0), selected: query.inStock } };
}

function productPredicatesWithoutVariants(query: CatalogQuery, scope: Scope): SQL[] {
  const parts: SQL[] = [...scope.source.listable.product];
  const category = categoryPredicate(scope);
  if (category) parts.push(category);
  return parts;
}

/**
 * `v` (with `p` when product conditions need it): the variants the facet counts read. Without product conditions a
 * source whose variants are exactly its products' needs no join — and a join of two CTEs, which have no statistics,
 * is estimated at millions of rows and planned accordingly.
 */
function variantsOfListedProducts(scope: Scope, productConditions: SQL[]): SQL {
  if (productConditions.length === 0 && scope.source.variantsOfProducts) return sql`${scope.source.variants} v`;
  return sql`${scope.source.products} p join ${scope.source.variants} v on v.product_id = p.id`;
}

type SearchParts = { count: SQL; page: SQL; categories: SQL; options: SQL; priceAndStock: SQL };
type SearchRows = {
  total: number;
  ids: string[];
  categories: CategoryRow[];
  options: OptionCountRow[];
  /** Display names of every option key among `options`, when the statement found them itself. */
  optionNames: OptionNameRow[] | null;
  priceAndStock: PriceAndStockRow;
};

/**
 * A free-text search: every part in one statement over the matched CTEs — one round trip, one pass over the matches.
 * Option display names come along for every counted option and every selected one (shown even with no matches).
 */
async function runMatched(executor: Executor, matches: SQL, parts: SearchParts, selectedKeys: string[]): Promise<SearchRows> {
  const optionKeys = sql`select distinct split_part(token, '=', 1) from option_counts${selectedKeys.length > 0 ? sql` union ${keyValues(selectedKeys)}` : sql``}`;
  // array(…) keeps the order of an ordered subquery (the page, the categories); the rest are unordered sets.
  const rows = rowsOf<{
    total: number | string;
    ids: string[] | null;
    categories: CategoryRow[] | null;
    options: OptionCountRow[] | null;
    option_names: OptionNameRow[] | null;
    price_and_stock: PriceAndStockRow | null;
  }>(
    await executor.execute(sql`
      ${matches},
      option_counts as (${parts.options})
      select (${parts.count}) as total,
             array_to_json(array(${parts.page})) as ids,
             array_to_json(array(select row_to_json(f) from (${parts.categories}) as f)) as categories,
             (select json_agg(o) from option_counts as o) as options,
             (select json_agg(n) from (${optionNamesSql(optionKeys)}) as n) as option_names,
             (select row_to_json(b) from (${parts.priceAndStock}) as b) as price_and_stock`),
  );
  const row = rows[0];
  return {
    total: Number(row?.total ?? 0),
    ids: row?.ids ?? [],
    categories: row?.categories ?? [],
    options: row?.options ?? [],
    optionNames: row?.option_names ?? [],
    priceAndStock: row?.price_and_stock ?? {},
  };
}

/** Browsing: the parts as parallel queries over the tables (the results are cached; see cache.ts). */
async function runOverTables(executor: Executor, parts: SearchParts): Promise<SearchRows> {
  const [count, page, categories, options, priceAndStock] = await Promise.all(
    [parts.count, parts.page, parts.categories, parts.options, parts.priceAndStock].map(async (part) => rowsOf<unknown>(await executor.execute(part))),
  );
  return {
    total: Number((count![0] as { total?: number | string } | undefined)?.total ?? 0),
    ids: (page as { id: string }[]).map((row) => row.id),
    categories: categories as CategoryRow[],
    options: options as OptionCountRow[],
    optionNames: null,
    priceAndStock: (priceAndStock![0] as PriceAndStockRow | undefined) ?? {},
  };
}

/** How many products a reading of the query finds (for "did you mean": only suggest what finds something). */
async function countMatches(executor: Executor, groups: TermGroup[]): Promise<number> {
  if (groups.length === 0) return 0;
  const rows = rowsOf<{ total: number | string }>(
    await executor.execute(sql`
      select count(*)::int as total from products p
      where ${matchingSql(groups, true)} and p.status = 'active' and p.price_min_cents is not null`),
  );
  return Number(rows[0]?.total ?? 0);
}

/** The vocabulary to read the query against: the cached copy when the caller has one (lib/catalog/cache.ts). */
export type VocabularySource = () => Promise<SearchVocabularyData>;

/** Reads a shopper's text against the catalogue vocabulary (see search-terms.ts). */
export async function analyseSearchText(
  text: string,
  vocabulary: VocabularySource,
  executor: Executor = db,
  options: { partialLastWord?: boolean } = {},
): Promise<AnalysedQuery & { index: VocabularyIndex }> {
  const index = indexVocabulary(await vocabulary());
  return { ...(await analyseQuery(text, index, stemmerFor(executor), options)), index };
}

const EMPTY_ROWS: SearchRows = { total: 0, ids: [], categories: [], options: [], optionNames: [], priceAndStock: {} };

/** Searches and filters the catalog: one page of product cards, the total, and facet counts. */
export async function searchCatalog(
  input: CatalogQueryInput,
  executor: Executor = db,
  vocabulary: VocabularySource = () => loadSearchVocabulary(executor),
  // The price facet's ranges, in the base currency (a market's own ranges, translated: lib/catalog/market-price-filter.ts).
  buckets: PriceBounds = PRICE_BUCKETS,
): Promise<CatalogResult> {
  const query = engineQuerySchema.parse(input);
  const q = query.q ? query.q : undefined;
  const normalised: CatalogQuery = { ...query, q };
  const category = query.category ? await getCategoryBySlug(query.category, executor) : null;
  if (query.category && !category) throw new UnknownCategoryError(query.category);
  const scope = { categoryPath: category?.path ?? null, categoryId: category?.id ?? null, source: q ? MATCHED : TABLES };
  const sort = effectiveSort(normalised);

  const parts: SearchParts = {
    count: countSql(normalised, scope),
    page: pageSql(normalised, scope, sort),
    categories: categoryFacetSql(normalised, scope),
    options: optionFacetSql(normalised, scope),
    priceAndStock: priceAndStockSql(normalised, scope, buckets),
  };
  const selectedKeys = Object.keys(normalised.options).map(optionKey);
  let rows: SearchRows;
  let reading: CatalogResult['search'] = null;
  if (q) {
    const analysed = await analyseSearchText(q, vocabulary, executor);
    reading = { correctedQuery: analysed.correctedQuery, didYouMean: null };
    rows = analysed.groups.length > 0 ? await runMatched(executor, matchedCtes(analysed.groups, false), parts, selectedKeys) : EMPTY_ROWS;
    // Nothing in titles, categories, options or vendors: the descriptions, then a suggestion.
    if (rows.total === 0 && analysed.groups.length > 0) rows = await runMatched(executor, matchedCtes(analysed.groups, true), parts, selectedKeys);
    if (rows.total === 0) {
      const stems = await stemmerFor(executor)(tokenize(q));
      const suggestion = suggestQuery(q, analysed.index, stems);
      if (suggestion) {
        const suggested = await analyseQuery(suggestion, analysed.index, stemmerFor(executor));
        if ((await countMatches(executor, suggested.groups)) > 0) reading.didYouMean = suggestion;
      }
    }
  } else {
    rows = await runOverTables(executor, parts);
  }
  const optionGroups = groupOptionCounts(rows.options, normalised);
  const [items, names] = await Promise.all([
    hydrateProductCards(rows.ids, executor),
    rows.optionNames ? namesFromRows(rows.optionNames) : optionDisplayNames(executor, optionGroups.keys),
  ]);
  return {
    items,
    total: rows.total,
    page: query.page,
    perPage: query.perPage,
    totalPages: Math.max(1, Math.ceil(rows.total / query.perPage)),
    sort,
    facets: { categories: categoriesFromRows(rows.categories), options: optionFacetsFrom(optionGroups, names), ...priceAndStockFromRow(rows.priceAndStock, normalised, buckets) },
    category: category ? { slug: category.slug, name: category.name } : null,
    search: reading,
  };
}
