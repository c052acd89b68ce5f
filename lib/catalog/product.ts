import 'server-only';
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import {
  categories,
  productCategories,
  productImages,
  productOptions,
  productOptionValues,
  products,
  variantOptionValues,
  variants,
} from '@/db/schema';
import { mediaUrl } from '@/lib/storage';
import { listCategoryAncestors } from '@/lib/catalog/categories/queries';
import { getImageVariantIds } from './image-variants';
import { hydrateProductCards } from './queries';
import type { ProductCard, ProductDetail } from './types';

/** The most of one variant a single cart line may hold. */
export const MAX_QUANTITY_PER_LINE = 10;

/** An active product with everything its page needs; null for unknown, draft and archived products alike. */
export async function getProductDetail(slug: string, executor: Executor = db): Promise<ProductDetail | null> {
  const [product] = await executor
    .select({
      id: products.id,
      slug: products.slug,
      title: products.title,
      description: products.description,
      vendor: products.vendor,
      seoTitle: products.seoTitle,
      seoDescription: products.seoDescription,
      priceMinCents: products.priceMinCents,
      priceMaxCents: products.priceMaxCents,
      isGiftCard: products.isGiftCard,
      updatedAt: products.updatedAt,
    })
    .from(products)
    .where(and(eq(products.slug, slug), eq(products.status, 'active')));
  if (!product || product.priceMinCents === null || product.priceMaxCents === null) return null;

  const [optionRows, variantRows, valueRows, imageRows, categoryRows, imageVariants] = await Promise.all([
    executor
      .select({ id: productOptions.id, name: productOptions.name })
      .from(productOptions)
      .where(eq(productOptions.productId, product.id))
      .orderBy(asc(productOptions.position), asc(productOptions.name)),
    executor
      .select({
        id: variants.id,
        sku: variants.sku,
        title: variants.title,
        priceCents: variants.priceCents,
        compareAtPriceCents: variants.compareAtPriceCents,
        currency: variants.currency,
        stockOnHand: variants.stockOnHand,
      })
      .from(variants)
      .where(and(eq(variants.productId, product.id), eq(variants.isActive, true)))
      .orderBy(asc(variants.position), asc(variants.sku)),
    executor
      .select({
        variantId: variantOptionValues.variantId,
        optionId: productOptionValues.optionId,
        value: productOptionValues.value,
        position: productOptionValues.position,
      })
      .from(variantOptionValues)
      .innerJoin(productOptionValues, eq(productOptionValues.id, variantOptionValues.optionValueId))
      .innerJoin(variants, eq(variants.id, variantOptionValues.variantId))
      .where(eq(variants.productId, product.id)),
    executor
      .select({
        id: productImages.id,
        storageKey: productImages.storageKey,
        altText: productImages.altText,
        width: productImages.width,
        height: productImages.height,
      })
      .from(productImages)
      .where(eq(productImages.productId, product.id))
      .orderBy(asc(productImages.position)),
    executor
      .select({ slug: categories.slug, name: categories.name, path: categories.path })
      .from(productCategories)
      .innerJoin(categories, eq(categories.id, productCategories.categoryId))
      .where(eq(productCategories.productId, product.id))
      .orderBy(desc(categories.depth))
      .limit(1),
    getImageVariantIds(product.id, executor),
  ]);
  if (variantRows.length === 0) return null;

  const optionName = new Map(optionRows.map((option) => [option.id, option.name]));
  const valuesByOption = new Map<string, { value: string; position: number }[]>();
  const optionsByVariant = new Map<string, Record<string, string>>();
  for (const row of valueRows) {
    const name = optionName.get(row.optionId);
    if (!name) continue;
    const list = valuesByOption.get(row.optionId) ?? [];
    if (!list.some((entry) => entry.value === row.value)) list.push({ value: row.value, position: row.position });
    valuesByOption.set(row.optionId, list);
    const record = optionsByVariant.get(row.variantId) ?? {};
    record[name] = row.value;
    optionsByVariant.set(row.variantId, record);
  }
  const activeVariantIds = new Set(variantRows.map((variant) => variant.id));
  const leaf = categoryRows[0];
  const trail = leaf ? [...(await listCategoryAncestors(leaf.path, executor)), { slug: leaf.slug, name: leaf.name }] : [];

  return {
    ...product,
    priceMinCents: product.priceMinCents,
    priceMaxCents: product.priceMaxCents,
    currency: variantRows[0]!.currency,
    updatedAt: product.updatedAt.toISOString(),
    images: imageRows.map((image) => {
      // A variant taken off sale no longer names its images; an image left with none shows for every variant again.
      const variantIds = (imageVariants.get(image.id) ?? []).filter((id) => activeVariantIds.has(id));
      return { url: mediaUrl(image.storageKey), alt: image.altText, width: image.width, height: image.height, variantIds, variantId: variantIds[0] ?? null };
    }),
    options: optionRows.map((option) => ({
      name: option.name,
      values: (valuesByOption.get(option.id) ?? []).sort((a, b) => a.position - b.position).map((entry) => entry.value),
    })),
    variants: variantRows.map((variant) => ({
      id: variant.id,
      sku: variant.sku,
      title: variant.title,
      options: optionsByVariant.get(variant.id) ?? {},
      priceCents: variant.priceCents,
      compareAtPriceCents: variant.compareAtPriceCents,
      currency: variant.currency,
      inStock: variant.stockOnHand > 0,
      maxQuantity: Math.min(variant.stockOnHand, MAX_QUANTITY_PER_LINE),
    })),
    categories: trail,
  };
}

/** Other active products from the same categories, best sellers first. */
export async function listRelatedProducts(productId: string, limit = 4, executor: Executor = db): Promise<ProductCard[]> {
  const categoryIds = executor
    .select({ id: productCategories.categoryId })
    .from(productCategories)
    .where(eq(productCategories.productId, productId));
  const rows = await executor
    .selectDistinct({ id: products.id, salesCount: products.salesCount })
    .from(products)
    .innerJoin(productCategories, eq(productCategories.productId, products.id))
    .where(and(inArray(productCategories.categoryId, categoryIds), ne(products.id, productId), eq(products.status, 'active'), sql`${products.priceMinCents} is not null`))
    .orderBy(desc(products.salesCount), asc(products.id))
    .limit(limit);
  return hydrateProductCards(
    rows.map((row) => row.id),
    executor,
  );
}
