import 'server-only';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '@/db/client';
import {
  categories,
  productCategories,
  productImages,
  productOptions,
  productOptionValues,
  products,
  productStatuses,
  variantOptionValues,
  variants,
} from '@/db/schema';
import { mediaUrl } from '@/lib/storage';
import { getImageVariantIds } from '../image-variants';

// Admin reads: never cached, DTOs only.

export const ADMIN_PAGE_SIZE = 25;

export const productListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(productStatuses).optional().catch(undefined),
  category: z.uuid().optional().catch(undefined),
  // The column the list is sorted by and which way; without them, newest first.
  sort: z.enum(['created', 'title', 'status', 'price', 'stock', 'updated']).default('created').catch('created'),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type ProductListQuery = z.infer<typeof productListQuerySchema>;

/** The direction a list sorted by this column takes when the URL does not say: text ascends, the rest descends. */
export function productSortDirection(query: Pick<ProductListQuery, 'sort' | 'dir'>): 'asc' | 'desc' {
  return query.dir ?? (query.sort === 'title' || query.sort === 'status' ? 'asc' : 'desc');
}

export type AdminProductRow = {
  id: string;
  slug: string;
  title: string;
  status: (typeof productStatuses)[number];
  vendor: string | null;
  priceMinCents: number | null;
  priceMaxCents: number | null;
  variantCount: number;
  stockTotal: number;
  updatedAt: Date;
  /** The first image's URL (by position), for the list's thumbnail. */
  thumbnailUrl: string | null;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listAdminProducts(query: ProductListQuery, executor: Executor = db) {
  const conditions: SQL[] = [];
  if (query.q) {
    // Title: a substring match the trigram index answers. SKU: exact (SKUs are stored upper-case), by its unique index.
    conditions.push(
      sql`(${products.title} ilike ${`%${escapeLike(query.q)}%`} or ${products.id} = any(array(select ${variants.productId} from ${variants} where ${variants.sku} = ${query.q.toUpperCase()})))`,
    );
  }
  if (query.status) conditions.push(eq(products.status, query.status));
  if (query.category) {
    // The category and everything below it, by materialised path.
    conditions.push(sql`${products.id} in (
      select pc.product_id from ${productCategories} pc join ${categories} c on c.id = pc.category_id
      join ${categories} root on root.id = ${query.category}
      where c.path = root.path or starts_with(c.path, root.path || '/'))`);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const stockSql = sql`(select coalesce(sum(v.stock_on_hand), 0) from ${variants} v where v.product_id = ${products.id} and v.is_active)`;
  const column = {
    created: sql`${products.createdAt}`,
    title: sql`lower(${products.title})`,
    status: sql`${products.status}`,
    price: sql`${products.priceMinCents}`,
    stock: stockSql,
    updated: sql`${products.updatedAt}`,
  }[query.sort];
  const dir = productSortDirection(query);
  // Ties (and products without a price) in a stable order, so paging never repeats or skips a product.
  const order = [dir === 'asc' ? sql`${column} asc nulls last` : sql`${column} desc nulls last`, dir === 'asc' ? asc(products.id) : desc(products.id)];
  const [rows, [total]] = await Promise.all([
    executor
      .select({
        id: products.id,
        slug: products.slug,
        title: products.title,
        status: products.status,
        vendor: products.vendor,
        priceMinCents: products.priceMinCents,
        priceMaxCents: products.priceMaxCents,
        updatedAt: products.updatedAt,
      })
      .from(products)
      .where(where)
      .orderBy(...order)
      .limit(ADMIN_PAGE_SIZE)
      .offset((query.page - 1) * ADMIN_PAGE_SIZE),
    executor.select({ n: sql<number>`count(*)::int` }).from(products).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const stock = ids.length
    ? await executor
        .select({ productId: variants.productId, n: sql<number>`count(*)::int`, stock: sql<number>`coalesce(sum(${variants.stockOnHand}), 0)::int` })
        .from(variants)
        .where(and(inArray(variants.productId, ids), eq(variants.isActive, true)))
        .groupBy(variants.productId)
    : [];
  const firstImages = ids.length
    ? await executor
        .selectDistinctOn([productImages.productId], { productId: productImages.productId, storageKey: productImages.storageKey })
        .from(productImages)
        .where(inArray(productImages.productId, ids))
        .orderBy(productImages.productId, asc(productImages.position), asc(productImages.id))
    : [];
  const items: AdminProductRow[] = rows.map((row) => {
    const s = stock.find((x) => x.productId === row.id);
    const image = firstImages.find((x) => x.productId === row.id);
    return { ...row, variantCount: s?.n ?? 0, stockTotal: s?.stock ?? 0, thumbnailUrl: image ? mediaUrl(image.storageKey) : null };
  });
  return { items, total: total?.n ?? 0, page: query.page, pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / ADMIN_PAGE_SIZE)) };
}

export type CategoryChoice = { id: string; name: string; depth: number; path: string };

export async function listCategoryChoices(executor: Executor = db): Promise<CategoryChoice[]> {
  return executor
    .select({ id: categories.id, name: categories.name, depth: categories.depth, path: categories.path })
    .from(categories)
    .orderBy(asc(categories.path));
}

export type ProductEditView = {
  id: string;
  slug: string;
  title: string;
  description: string;
  status: (typeof productStatuses)[number];
  vendor: string;
  featured: boolean;
  isGiftCard: boolean;
  returnable: boolean;
  seoTitle: string;
  seoDescription: string;
  skuPattern: string;
  categoryIds: string[];
  options: { name: string; values: string[] }[];
  variants: { id: string; values: string[]; sku: string; priceCents: number; compareAtPriceCents: number | null; stock: number; active: boolean }[];
  images: { id: string; url: string; altText: string; width: number; height: number; variantIds: string[] }[];
};

export async function getProductForEdit(id: string, executor: Executor = db): Promise<ProductEditView | null> {
  const [product] = await executor.select().from(products).where(eq(products.id, id));
  if (!product) return null;
  const [categoryRows, optionRows, variantRows, imageRows, imageVariants] = await Promise.all([
    executor.select({ id: productCategories.categoryId }).from(productCategories).where(eq(productCategories.productId, id)).orderBy(asc(productCategories.position)),
    executor
      .select({ optionId: productOptions.id, name: productOptions.name, value: productOptionValues.value, valueId: productOptionValues.id })
      .from(productOptions)
      .leftJoin(productOptionValues, eq(productOptionValues.optionId, productOptions.id))
      .where(eq(productOptions.productId, id))
      .orderBy(asc(productOptions.position), asc(productOptionValues.position)),
    executor.select().from(variants).where(eq(variants.productId, id)).orderBy(asc(variants.position), asc(variants.sku)),
    executor.select().from(productImages).where(eq(productImages.productId, id)).orderBy(asc(productImages.position), asc(productImages.createdAt)),
    getImageVariantIds(id, executor),
  ]);
  const options: { id: string; name: string; values: { id: string; value: string }[] }[] = [];
  for (const row of optionRows) {
    let option = options.find((o) => o.id === row.optionId);
    if (!option) options.push((option = { id: row.optionId, name: row.name, values: [] }));
    if (row.valueId && row.value !== null) option.values.push({ id: row.valueId, value: row.value });
  }
  const links = variantRows.length
    ? await executor
        .select({ variantId: variantOptionValues.variantId, valueId: variantOptionValues.optionValueId })
        .from(variantOptionValues)
        .where(inArray(variantOptionValues.variantId, variantRows.map((v) => v.id)))
    : [];
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    description: product.description,
    status: product.status,
    vendor: product.vendor ?? '',
    featured: product.featured,
    isGiftCard: product.isGiftCard,
    returnable: product.returnable,
    seoTitle: product.seoTitle ?? '',
    seoDescription: product.seoDescription ?? '',
    skuPattern: product.skuPattern ?? '',
    categoryIds: categoryRows.map((r) => r.id),
    options: options.map((o) => ({ name: o.name, values: o.values.map((v) => v.value) })),
    variants: variantRows.map((v) => {
      const mine = new Set(links.filter((l) => l.variantId === v.id).map((l) => l.valueId));
      const values = options.map((o) => o.values.find((value) => mine.has(value.id))?.value ?? '');
      return { id: v.id, values, sku: v.sku, priceCents: v.priceCents, compareAtPriceCents: v.compareAtPriceCents, stock: v.stockOnHand, active: v.isActive };
    }),
    images: imageRows.map((i) => ({ id: i.id, url: mediaUrl(i.storageKey), altText: i.altText, width: i.width, height: i.height, variantIds: imageVariants.get(i.id) ?? [] })),
  };
}
