import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '@/db/client';
import { products, productStatuses } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { toDecimalString } from '@/lib/money';
import { type CursorPage, decodeCursor, pageOf } from '@/lib/pagination';
import { getStoreInfo } from '@/lib/store/settings';
import { getProductForEdit, type ProductEditView } from './queries';
import type { ProductInput } from './schemas';

// The product as the Admin API (and the product.* webhooks) present it: one DTO, its zod schema the source of the
// OpenAPI document. Writes go through the editor's own service (saveProduct) with the editor's input shape.

const cents = (what: string) => z.number().int().min(0).describe(`${what}, in minor units`);

export const adminVariantSchema = z.object({
  id: z.uuid(),
  sku: z.string(),
  values: z.array(z.string()).describe("Option values, in the product's option order"),
  priceCents: cents('Price'),
  compareAtPriceCents: cents('Compare-at price').nullable(),
  stockOnHand: z.number().int().min(0),
  active: z.boolean(),
});

export const adminProductImageSchema = z.object({
  id: z.uuid(),
  url: z.string().describe("The stored image, served by this store under /media (re-encoded as WebP, at most 2,000 px on a side)"),
  altText: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  variantIds: z.array(z.uuid()).describe('Shown when a shopper picks one of these variants; empty for every variant'),
  variantId: z.uuid().nullable().describe('Deprecated (an image may be shown for several variants): the first of variantIds, or null when it is empty'),
});
export type AdminProductImage = z.infer<typeof adminProductImageSchema>;

export const adminProductSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(productStatuses),
  vendor: z.string().nullable(),
  featured: z.boolean(),
  seoTitle: z.string().nullable(),
  seoDescription: z.string().nullable(),
  categoryIds: z.array(z.uuid()),
  currency: z.string().describe('ISO 4217: the currency of every price'),
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  variants: z.array(adminVariantSchema),
  images: z.array(adminProductImageSchema).describe('In display order: the first is the main image'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type AdminProduct = z.infer<typeof adminProductSchema>;

function toAdminProduct(view: ProductEditView, currency: string, times: { createdAt: Date; updatedAt: Date }): AdminProduct {
  return {
    id: view.id,
    slug: view.slug,
    title: view.title,
    description: view.description,
    status: view.status,
    vendor: view.vendor || null,
    featured: view.featured,
    seoTitle: view.seoTitle || null,
    seoDescription: view.seoDescription || null,
    categoryIds: view.categoryIds,
    currency,
    options: view.options,
    variants: view.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      values: v.values,
      priceCents: v.priceCents,
      compareAtPriceCents: v.compareAtPriceCents,
      stockOnHand: v.stock,
      active: v.active,
    })),
    images: view.images.map((i) => ({ id: i.id, url: i.url, altText: i.altText, width: i.width, height: i.height, variantIds: i.variantIds, variantId: i.variantIds[0] ?? null })),
    createdAt: times.createdAt.toISOString(),
    updatedAt: times.updatedAt.toISOString(),
  };
}

export async function getAdminProduct(id: string, executor: Executor = db): Promise<AdminProduct | null> {
  const [row] = await executor.select({ createdAt: products.createdAt, updatedAt: products.updatedAt }).from(products).where(eq(products.id, id));
  if (!row) return null;
  const [view, { currency }] = await Promise.all([getProductForEdit(id, executor), getStoreInfo(executor)]);
  return view ? toAdminProduct(view, currency, row) : null;
}

export async function getAdminProductOrThrow(id: string, executor: Executor = db): Promise<AdminProduct> {
  const product = await getAdminProduct(id, executor);
  if (!product) throw new AppError('not_found', 'No product with this id.');
  return product;
}

// Sorted newest first by creation time to the millisecond (what a cursor carries), then id.
const createdKey = sql`date_trunc('milliseconds', ${products.createdAt})`;

export async function listAdminProductsPage(
  query: { limit: number; cursor?: string; status?: (typeof productStatuses)[number] },
  executor: Executor = db,
): Promise<CursorPage<AdminProduct>> {
  const after = decodeCursor(query.cursor);
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(products.status, query.status));
  if (after) conditions.push(sql`(${createdKey}, ${products.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`);
  const rows = await executor
    .select({ id: products.id, createdAt: products.createdAt })
    .from(products)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(createdKey), desc(products.id))
    .limit(query.limit + 1);
  // A Date holds milliseconds (the database keeps microseconds): the cursor and the sort key agree on that.
  const page = pageOf(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
  return { data: await Promise.all(page.data.map((row) => getAdminProductOrThrow(row.id, executor))), nextCursor: page.nextCursor };
}

/** The editor's input for an existing product, so a partial change (archive, prices) is saved like the editor's. */
export function productInputFrom(product: AdminProduct): ProductInput {
  const amount = (cents: number | null) => (cents === null ? '' : toDecimalString({ amountCents: cents, currency: product.currency }));
  return {
    id: product.id,
    title: product.title,
    slug: product.slug,
    description: product.description,
    status: product.status,
    vendor: product.vendor,
    featured: product.featured,
    categoryIds: product.categoryIds,
    seoTitle: product.seoTitle,
    seoDescription: product.seoDescription,
    options: product.options,
    variants: product.variants.map((v) => ({
      id: v.id,
      values: v.values,
      sku: v.sku,
      price: amount(v.priceCents),
      compareAtPrice: amount(v.compareAtPriceCents),
      // Applied as a change against what was read, so orders placed meanwhile are not undone by this save.
      stock: v.stockOnHand,
      stockBefore: v.stockOnHand,
      active: v.active,
    })),
  };
}
