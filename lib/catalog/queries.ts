import 'server-only';
import { and, asc, count, desc, eq, exists, inArray, isNotNull, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Executor } from '@/db/client';
import { categories, productCategories, productImageVariants, productImages, products, variants } from '@/db/schema';
import { mediaUrl } from '@/lib/storage';
import type { CategoryLink, ProductCard } from './types';

const activeProduct = eq(products.status, 'active');

/** Cards for the given product ids, in that order, with first image, stock state and the lowest real compare-at. */
export async function hydrateProductCards(ids: string[], executor: Executor = db): Promise<ProductCard[]> {
  if (ids.length === 0) return [];
  const [productRows, variantRows, imageRows] = await Promise.all([
    executor
      .select({
        id: products.id,
        slug: products.slug,
        title: products.title,
        vendor: products.vendor,
        priceMinCents: products.priceMinCents,
        priceMaxCents: products.priceMaxCents,
      })
      .from(products)
      .where(inArray(products.id, ids)),
    executor
      .select({
        productId: variants.productId,
        currency: sql<string>`min(${variants.currency})`,
        inStock: sql<boolean>`bool_or(${variants.stockOnHand} > 0)`,
        compareAt: sql<number | null>`min(${variants.compareAtPriceCents}) filter (where ${variants.compareAtPriceCents} > ${variants.priceCents})`,
      })
      .from(variants)
      .where(and(inArray(variants.productId, ids), eq(variants.isActive, true)))
      .groupBy(variants.productId),
    executor
      .selectDistinctOn([productImages.productId], {
        productId: productImages.productId,
        storageKey: productImages.storageKey,
        altText: productImages.altText,
        width: productImages.width,
        height: productImages.height,
      })
      .from(productImages)
      .where(inArray(productImages.productId, ids))
      // An image for every variant first; a product whose images all belong to variants still gets a picture.
      .orderBy(productImages.productId, sql`not exists (select 1 from ${productImageVariants} where ${productImageVariants.imageId} = ${productImages.id}) desc`, asc(productImages.position)),
  ]);
  const productById = new Map(productRows.map((row) => [row.id, row]));
  const variantsByProduct = new Map(variantRows.map((row) => [row.productId, row]));
  const imageByProduct = new Map(imageRows.map((row) => [row.productId, row]));
  return ids.flatMap((id): ProductCard[] => {
    const row = productById.get(id);
    const variant = variantsByProduct.get(id);
    if (!row || !variant || row.priceMinCents === null || row.priceMaxCents === null) return [];
    const image = imageByProduct.get(id);
    return [
      {
        ...row,
        priceMinCents: row.priceMinCents,
        priceMaxCents: row.priceMaxCents,
        currency: variant.currency,
        inStock: Boolean(variant.inStock),
        compareAtPriceCents: variant.compareAt === null ? null : Number(variant.compareAt),
        image: image ? { url: mediaUrl(image.storageKey), alt: image.altText, width: image.width, height: image.height } : null,
      },
    ];
  });
}

async function productCards(executor: Executor, where: SQL | undefined, orderBy: SQL[], limit: number): Promise<ProductCard[]> {
  const rows = await executor.select({ id: products.id }).from(products).where(where).orderBy(...orderBy).limit(limit);
  return hydrateProductCards(
    rows.map((row) => row.id),
    executor,
  );
}

export async function listFeaturedProducts(limit = 8, executor: Executor = db): Promise<ProductCard[]> {
  return productCards(executor, and(activeProduct, eq(products.featured, true)), [desc(products.salesCount), asc(products.id)], limit);
}

export async function listNewestProducts(limit = 8, executor: Executor = db): Promise<ProductCard[]> {
  return productCards(executor, and(activeProduct, isNotNull(products.priceMinCents)), [desc(products.createdAt), asc(products.id)], limit);
}

/** Top-level categories with the number of active products in them or any descendant. */
export async function listTopCategories(executor: Executor = db): Promise<CategoryLink[]> {
  const descendant = alias(categories, 'descendant');
  const rows = await executor
    .select({
      id: categories.id,
      slug: categories.slug,
      name: categories.name,
      productCount: sql<number>`count(distinct ${products.id})::int`,
    })
    .from(categories)
    .leftJoin(
      descendant,
      or(eq(descendant.path, categories.path), like(descendant.path, sql`${categories.path} || '/%'`)),
    )
    .leftJoin(productCategories, eq(productCategories.categoryId, descendant.id))
    .leftJoin(products, and(eq(products.id, productCategories.productId), activeProduct))
    .where(isNull(categories.parentId))
    .groupBy(categories.id)
    .orderBy(asc(categories.position), asc(categories.name));
  return rows.map((row) => ({ ...row, productCount: Number(row.productCount) }));
}

export async function countActiveProducts(executor: Executor = db): Promise<number> {
  const [row] = await executor
    .select({ value: count() })
    .from(products)
    .where(and(activeProduct, exists(executor.select({ one: sql`1` }).from(variants).where(eq(variants.productId, products.id)))));
  return Number(row?.value ?? 0);
}
