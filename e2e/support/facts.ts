import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { categories, productCategories, productOptions, productOptionValues, products, variantOptionValues, variants } from '../../db/schema';
import type { E2EFacts } from './environment';

/** Reads, straight from the database, what the specs expect the storefront to show. */
export async function readE2EFacts(db: Database): Promise<E2EFacts> {
  const active = await db.$count(products, eq(products.status, 'active'));
  const tops = await db
    .select({ name: categories.name, path: categories.path })
    .from(categories)
    .where(isNull(categories.parentId))
    .orderBy(asc(categories.position), asc(categories.name));
  // Counted differently from the storefront (per category, by path prefix) so that a wrong query shows.
  const topCategories = [];
  for (const top of tops) {
    const rows = await db
      .selectDistinct({ productId: productCategories.productId })
      .from(productCategories)
      .innerJoin(categories, eq(categories.id, productCategories.categoryId))
      .innerJoin(products, eq(products.id, productCategories.productId))
      .where(and(eq(products.status, 'active'), sql`(${categories.path} = ${top.path} or starts_with(${categories.path}, ${`${top.path}/`}))`));
    topCategories.push({ name: top.name, productCount: rows.length });
  }
  const featured = await db
    .select({ title: products.title })
    .from(products)
    .where(and(eq(products.status, 'active'), eq(products.featured, true)))
    .orderBy(desc(products.salesCount), asc(products.id))
    .limit(8);
  const [draft] = await db.select({ slug: products.slug }).from(products).where(eq(products.status, 'draft')).limit(1);
  const candidates = await db
    .select({ slug: products.slug, title: products.title })
    .from(products)
    .where(eq(products.status, 'active'))
    .orderBy(asc(products.slug));
  const typoSource = candidates.find((p) => p.title.split(' ').some((word) => /^[A-Za-z]{7,}$/.test(word)))!;
  const word = typoSource.title.split(' ').find((w) => /^[A-Za-z]{7,}$/.test(w))!;

  const variantRows = await db
    .select({
      slug: products.slug,
      title: products.title,
      variantId: variants.id,
      stock: variants.stockOnHand,
      option: productOptions.name,
      value: productOptionValues.value,
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .innerJoin(variantOptionValues, eq(variantOptionValues.variantId, variants.id))
    .innerJoin(productOptionValues, eq(productOptionValues.id, variantOptionValues.optionValueId))
    .innerJoin(productOptions, eq(productOptions.id, productOptionValues.optionId))
    .where(and(eq(products.status, 'active'), eq(variants.isActive, true)))
    .orderBy(asc(products.slug), asc(variants.sku));
  const byProduct = new Map<string, { title: string; variants: Map<string, { stock: number; options: Record<string, string> }> }>();
  for (const row of variantRows) {
    const product = byProduct.get(row.slug) ?? { title: row.title, variants: new Map() };
    const variant = product.variants.get(row.variantId) ?? { stock: row.stock, options: {} };
    variant.options[row.option.toLowerCase()] = row.value;
    product.variants.set(row.variantId, variant);
    byProduct.set(row.slug, product);
  }
  let variantProduct: E2EFacts['variantProduct'] | undefined;
  for (const [slug, product] of byProduct) {
    const list = [...product.variants.values()].filter((v) => Object.keys(v.options).length >= 2);
    const soldOut = list.find((v) => v.stock === 0);
    const available = list.find((v) => v.stock > 0);
    if (soldOut && available) {
      variantProduct = { slug, title: product.title, soldOut: soldOut.options, available: available.options };
      break;
    }
  }
  if (!draft || !variantProduct) throw new Error('The seed has no draft product or no product with a sold-out variant');

  return {
    draftProductSlug: draft.slug,
    typoTarget: { slug: typoSource.slug, title: typoSource.title, typo: (word.slice(0, 3) + word.slice(4)).toLowerCase() },
    variantProduct,
    activeProductCount: active,
    topCategories,
    featuredProductTitles: featured.map((row) => row.title),
  };
}
