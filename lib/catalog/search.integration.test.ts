import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { db } from '@/db/client';
import { categories, productCategories, productOptions, productOptionValues, products, variantOptionValues, variants } from '@/db/schema';
import { type CatalogQueryInput } from './schemas';
import { PRICE_BUCKETS } from './price-buckets';
import { searchCatalog, UnknownCategoryError } from './search';
import { parseCatalogParamsStrict } from './url';

// The catalog engine against the seeded store, checked against a plain in-memory reference implementation of the
// same rules (variant-level matching; each facet counted under every filter but its own).

type RefVariant = { price: number; stock: number; options: Map<string, string> };
type RefProduct = { id: string; title: string; categoryPath: string; salesCount: number; priceMin: number; variants: RefVariant[] };
let catalog: RefProduct[] = [];
const allProducts = () => catalog;

beforeAll(async () => {
  const productRows = await db
    .select({ id: products.id, title: products.title, salesCount: products.salesCount, priceMin: products.priceMinCents })
    .from(products)
    .where(eq(products.status, 'active'));
  const variantRows = await db
    .select({ id: variants.id, productId: variants.productId, price: variants.priceCents, stock: variants.stockOnHand })
    .from(variants)
    .where(eq(variants.isActive, true));
  const optionRows = await db
    .select({ variantId: variantOptionValues.variantId, name: productOptions.name, value: productOptionValues.value })
    .from(variantOptionValues)
    .innerJoin(productOptionValues, eq(productOptionValues.id, variantOptionValues.optionValueId))
    .innerJoin(productOptions, eq(productOptions.id, productOptionValues.optionId));
  const categoryRows = await db
    .select({ productId: productCategories.productId, path: categories.path })
    .from(productCategories)
    .innerJoin(categories, eq(categories.id, productCategories.categoryId));
  const optionsByVariant = new Map<string, Map<string, string>>();
  for (const row of optionRows) {
    const map = optionsByVariant.get(row.variantId) ?? new Map<string, string>();
    map.set(row.name.toLowerCase(), row.value);
    optionsByVariant.set(row.variantId, map);
  }
  const pathByProduct = new Map(categoryRows.map((row) => [row.productId, row.path]));
  catalog = productRows.map((product) => ({
    id: product.id,
    title: product.title,
    categoryPath: pathByProduct.get(product.id) ?? '',
    salesCount: product.salesCount,
    priceMin: product.priceMin ?? 0,
    variants: variantRows
      .filter((variant) => variant.productId === product.id)
      .map((variant) => ({ price: variant.price, stock: variant.stock, options: optionsByVariant.get(variant.id) ?? new Map() })),
  }));
});

type RefQuery = {
  categoryPath?: string;
  options?: Record<string, string[]>;
  min?: number;
  max?: number;
  inStock?: boolean;
  /** Only these products (the ones a search text matches). */
  ids?: Set<string>;
};
type Skip = 'category' | 'price' | 'inStock' | string | null;

function variantMatches(variant: RefVariant, query: RefQuery, skip: Skip): boolean {
  if (skip !== 'price' && query.min !== undefined && variant.price < query.min) return false;
  if (skip !== 'price' && query.max !== undefined && variant.price > query.max) return false;
  if (skip !== 'inStock' && query.inStock && variant.stock <= 0) return false;
  for (const [name, values] of Object.entries(query.options ?? {})) {
    if (skip === name) continue;
    if (!values.includes(variant.options.get(name) ?? '')) return false;
  }
  return true;
}

function inCategory(product: RefProduct, path: string | undefined): boolean {
  return !path || product.categoryPath === path || product.categoryPath.startsWith(`${path}/`);
}

function reference(query: RefQuery) {
  const catalog = query.ids ? allProducts().filter((p) => query.ids!.has(p.id)) : allProducts();
  const matching = catalog.filter((p) => inCategory(p, query.categoryPath) && p.variants.some((v) => variantMatches(v, query, null)));
  const optionCounts = new Map<string, number>();
  for (const product of catalog.filter((p) => inCategory(p, query.categoryPath))) {
    const seen = new Set<string>();
    for (const variant of product.variants) {
      for (const [name, value] of variant.options) {
        if (variantMatches(variant, query, name)) seen.add(`${name}=${value}`);
      }
    }
    for (const key of seen) optionCounts.set(key, (optionCounts.get(key) ?? 0) + 1);
  }
  const inStockCount = catalog.filter(
    (p) => inCategory(p, query.categoryPath) && p.variants.some((v) => v.stock > 0 && variantMatches(v, query, 'inStock')),
  ).length;
  const bucketCounts = PRICE_BUCKETS.map(
    ([min, max]) =>
      catalog.filter(
        (p) =>
          inCategory(p, query.categoryPath) &&
          p.variants.some((v) => v.price >= min && (max === null || v.price < max) && variantMatches(v, query, 'price')),
      ).length,
  );
  return { matching, optionCounts, inStockCount, bucketCounts };
}

async function compare(input: CatalogQueryInput, ref: RefQuery) {
  const result = await searchCatalog({ ...input, perPage: 100 });
  const expected = reference(ref);
  expect(result.total).toBe(expected.matching.length);
  for (const option of result.facets.options) {
    for (const value of option.values) {
      expect({ option: option.key, value: value.value, count: value.count }).toEqual({
        option: option.key,
        value: value.value,
        count: expected.optionCounts.get(`${option.key}=${value.value}`) ?? 0,
      });
    }
  }
  expect(result.facets.inStock.count).toBe(expected.inStockCount);
  expect(result.facets.priceBuckets.map((bucket) => bucket.count)).toEqual(expected.bucketCounts);
  return { result, expected };
}

function busiestOption() {
  // The option name and two of its values that the most products carry, so filters have something to bite on.
  const counts = new Map<string, Map<string, number>>();
  for (const product of catalog) {
    for (const variant of product.variants) {
      for (const [name, value] of variant.options) {
        const values = counts.get(name) ?? new Map<string, number>();
        values.set(value, (values.get(value) ?? 0) + 1);
        counts.set(name, values);
      }
    }
  }
  const [name, values] = [...counts.entries()].sort((a, b) => b[1].size * 1000 + sum(b[1]) - (a[1].size * 1000 + sum(a[1])))[0]!;
  const top = [...values.entries()].sort((a, b) => b[1] - a[1]).map(([value]) => value);
  return { name, first: top[0]!, second: top[1]! };
}
const sum = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);

describe('catalog search', () => {
  it('lists every active product, best sellers first, when nothing is asked', async () => {
    const result = await searchCatalog({ perPage: 100 });
    expect(result.total).toBe(catalog.length);
    expect(result.sort).toBe('best_selling');
    const sales = result.items.map((item) => catalog.find((p) => p.id === item.id)!.salesCount);
    expect(sales).toEqual([...sales].sort((a, b) => b - a));
  });

  it('paginates past 100 items without gaps or repeats', async () => {
    const seen = new Set<string>();
    const first = await searchCatalog({ perPage: 24, page: 1, sort: 'price_asc' });
    for (let page = 1; page <= first.totalPages; page += 1) {
      const result = page === 1 ? first : await searchCatalog({ perPage: 24, page, sort: 'price_asc' });
      for (const item of result.items) seen.add(item.id);
    }
    expect(first.totalPages).toBe(Math.ceil(catalog.length / 24));
    expect(seen.size).toBe(catalog.length);

    const secondHundred = await searchCatalog({ perPage: 100, page: 2, sort: 'price_asc' });
    expect(secondHundred.items).toHaveLength(Math.min(100, catalog.length - 100));
    const prices = secondHundred.items.map((item) => item.priceMinCents);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const beyond = await searchCatalog({ perPage: 100, page: 50 });
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(catalog.length);
  });

  it('sorts by price both ways and by newest', async () => {
    const asc = await searchCatalog({ sort: 'price_asc', perPage: 50 });
    const desc = await searchCatalog({ sort: 'price_desc', perPage: 50 });
    expect(asc.items[0]!.priceMinCents).toBe(Math.min(...catalog.map((p) => p.priceMin)));
    expect(desc.items[0]!.priceMinCents).toBe(Math.max(...catalog.map((p) => p.priceMin)));
  });

  it('ranks an exact title match first', async () => {
    const target = catalog.find((p) => p.title.split(' ').length >= 3)!;
    const result = await searchCatalog({ q: target.title });
    expect(result.sort).toBe('relevance');
    expect(result.items[0]!.id).toBe(target.id);
  });

  it('finds a product despite a typo', async () => {
    const target = catalog.find((p) => p.title.split(' ').some((word) => word.length >= 7))!;
    const word = target.title.split(' ').find((w) => w.length >= 7)!;
    const typo = word.slice(0, 3) + word.slice(4); // drop the fourth letter
    const result = await searchCatalog({ q: typo.toLowerCase(), perPage: 100 });
    expect(result.items.map((item) => item.id)).toContain(target.id);
  });

  it('counts facets under combined filters exactly as the reference does', async () => {
    const { name, first, second } = busiestOption();
    const [topPath] = catalog[0]!.categoryPath.split('/');
    const [category] = await db.select({ slug: categories.slug }).from(categories).where(and(eq(categories.path, topPath!)));

    await compare({}, {});
    await compare({ options: { [name]: [first] } }, { options: { [name]: [first] } });
    await compare({ options: { [name]: [first, second] }, inStock: true }, { options: { [name]: [first, second] }, inStock: true });
    await compare(
      { category: category!.slug, options: { [name]: [first] }, inStock: true, priceMinCents: 2_000, priceMaxCents: 9_000 },
      { categoryPath: topPath, options: { [name]: [first] }, inStock: true, min: 2_000, max: 9_000 },
    );
  });

  it('counts a free-text search and its facets under filters exactly as the reference does over the matched products', async () => {
    // The products the text matches, as the engine reads it unfiltered (search-quality.integration.test.ts judges
    // which those should be); filters and facets must then count exactly that set.
    const words = new Map<string, number>();
    for (const product of catalog) {
      const word = product.title.split(' ').at(-1)!.toLowerCase();
      words.set(word, (words.get(word) ?? 0) + 1);
    }
    const [q] = [...words.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const matched = (await searchCatalog({ q, perPage: 100 })).items;
    const ids = new Set(matched.map((row) => row.id));
    expect(ids.size).toBeGreaterThan(1);
    const { name, first, second } = busiestOption();
    const [topPath] = catalog[0]!.categoryPath.split('/');
    const [category] = await db.select({ slug: categories.slug }).from(categories).where(eq(categories.path, topPath!));

    const plain = await compare({ q }, { ids });
    expect(plain.result.total).toBeGreaterThan(0);
    await compare({ q, options: { [name]: [first, second] }, inStock: true }, { ids, options: { [name]: [first, second] }, inStock: true });
    await compare(
      { q, category: category!.slug, options: { [name]: [first] }, priceMinCents: 1_000, priceMaxCents: 12_000 },
      { ids, categoryPath: topPath, options: { [name]: [first] }, min: 1_000, max: 12_000 },
    );
    const { result } = await compare({ q, sort: 'price_asc' }, { ids });
    expect(result.items.every((item) => ids.has(item.id))).toBe(true);
    const prices = result.items.map((item) => item.priceMinCents);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('narrows results when a second filter is added, and keeps selected values visible', async () => {
    const { name, first } = busiestOption();
    const one = await searchCatalog({ options: { [name]: [first] } });
    const two = await searchCatalog({ options: { [name]: [first] }, inStock: true, priceMaxCents: 5_000 });
    expect(two.total).toBeLessThan(one.total);
    const facet = two.facets.options.find((option) => option.key === name)!;
    expect(facet.values.find((value) => value.value === first)?.selected).toBe(true);
  });

  it('scopes to a category and its descendants and offers its children as a facet', async () => {
    const [topPath] = catalog[0]!.categoryPath.split('/');
    const [category] = await db.select({ slug: categories.slug }).from(categories).where(eq(categories.path, topPath!));
    const result = await searchCatalog({ category: category!.slug, perPage: 100 });
    expect(result.total).toBe(catalog.filter((p) => inCategory(p, topPath)).length);
    expect(result.category?.slug).toBe(category!.slug);
    expect(result.facets.categories.reduce((total, child) => total + child.count, 0)).toBe(result.total);
  });

  it('refuses unknown categories and out-of-range input without touching SQL', async () => {
    await expect(searchCatalog({ category: 'no-such-category' })).rejects.toBeInstanceOf(UnknownCategoryError);
    await expect(searchCatalog({ sort: 'price; drop table products' as never })).rejects.toBeInstanceOf(ZodError);
    await expect(searchCatalog({ page: -1 })).rejects.toBeInstanceOf(ZodError);
    await expect(searchCatalog({ perPage: 10_000 })).rejects.toBeInstanceOf(ZodError);
    // A shopper's minimum above their maximum is refused where the query is read (the Store API answers 422)…
    expect(() => parseCatalogParamsStrict({ price_min: '5', price_max: '1' }, 'USD')).toThrow(ZodError);
    // …while the engine reads it as the empty range a market's translated bounds can be (lib/catalog/price-buckets.ts).
    expect((await searchCatalog({ priceMinCents: 500, priceMaxCents: 100 })).total).toBe(0);
  });

  it('treats hostile search text as plain text', async () => {
    for (const q of ["'; drop table products; --", '%_\\', '"unclosed', 'a & | ! <->', '<script>alert(1)</script>']) {
      const result = await searchCatalog({ q });
      expect(result.total).toBeGreaterThanOrEqual(0);
    }
    expect(await db.$count(products)).toBeGreaterThan(0);
  });
});
